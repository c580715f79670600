using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Definitions;

namespace Engine.Runtime;

/// <summary>
/// What a person may send with an action: only the fields of the step's form, each of its declared type. Anything else
/// is refused by name, so a caller cannot set a variable the step does not ask for (an assignee, a fee a guard reads).
/// </summary>
internal static class FormInput
{
    /// <summary>Longest text a field may hold; user and unit fields are ids and fit the work item's columns.</summary>
    private const int TextLimit = 2_000, TextareaLimit = 20_000, IdLimit = 100;

    /// <summary>
    /// Checks <paramref name="data"/> against the step's form and returns it as stored: a number or a true/false sent as
    /// text (what a web form sends) becomes a JSON number or boolean, so guards compare numbers, not strings.
    /// </summary>
    public static EngineError? Read(StepDefinition step, JsonObject? data, out JsonObject accepted)
    {
        accepted = [];
        foreach (var (name, value) in data ?? [])
        {
            var field = step.Form.Find(f => f.Name == name);
            if (field is null)
                return new EngineError(EngineErrorCode.InvalidData, step.Form.Count == 0
                    ? $"Step '{step.Id}' has no form: field '{name}' cannot be set."
                    : $"Field '{name}' is not on the form of step '{step.Id}' ({string.Join(", ", step.Form.Select(f => f.Name))}).", name);
            var typed = value is null ? null : Typed(field.Type, value);
            if (typed is not null && Problem(field, typed) is { } problem)
                return new EngineError(EngineErrorCode.InvalidData, $"Field '{name}': {problem}.", name);
            accepted[name] = typed?.DeepClone();
        }
        return null;
    }

    private static JsonNode Typed(FieldType type, JsonNode value)
    {
        if (Kind(value) != JsonValueKind.String) return value;
        var text = value.GetValue<string>().Trim();
        return type switch
        {
            FieldType.Number when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            FieldType.Boolean when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
            _ => value,
        };
    }

    private static string? Problem(FormField field, JsonNode value) => field.Type switch
    {
        FieldType.Text => Text(value, TextLimit),
        FieldType.Textarea => Text(value, TextareaLimit),
        FieldType.User or FieldType.Unit => Text(value, IdLimit),
        FieldType.Select => Text(value, TextLimit) ?? (field.Options.Contains(value.GetValue<string>()) ? null
            : $"'{value.GetValue<string>()}' is not one of {string.Join(", ", field.Options)}"),
        FieldType.Number => Kind(value) == JsonValueKind.Number ? null : "expected a number",
        FieldType.Boolean => Kind(value) is JsonValueKind.True or JsonValueKind.False ? null : "expected true or false",
        FieldType.Date => Text(value, 10) ?? (DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : "expected a date such as 2026-03-02"),
        FieldType.DateTime => Text(value, 40) ?? (DateTimeOffset.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : "expected a date and time such as 2026-03-02T09:00:00+07:00"),
        FieldType.List => value is JsonArray ? null : "expected a list",
        FieldType.File => value is JsonValue or JsonObject or JsonArray ? null : "expected a file reference",
        _ => null,
    };

    private static string? Text(JsonNode value, int limit)
    {
        if (Kind(value) != JsonValueKind.String) return "expected text";
        var length = value.GetValue<string>().Length;
        return length > limit ? $"at most {limit} characters, got {length}" : null;
    }

    private static JsonValueKind Kind(JsonNode value) => value.GetValueKind();
}
