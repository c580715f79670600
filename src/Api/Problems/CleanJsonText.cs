using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Procedures.Common;

namespace Api.Problems;

/// <summary>A text in a JSON body holds a character <see cref="CleanText"/> refuses; the JSON path of the exception names the field.</summary>
public sealed class UncleanTextException(char refused) : JsonException($"A text holds the control character U+{(int)refused:X4}.")
{
    public char Refused { get; } = refused;
}

/// <summary>
/// Reads every string of a JSON body through <see cref="CleanText"/>: a control character fails the body (400 naming the
/// field, by <see cref="BadRequestExceptionHandler"/>), the rest is normalised. One-line properties (names, codes, contacts)
/// get the stricter rules; strings in lists and dictionaries are free text.
/// </summary>
public sealed class CleanJsonText(bool singleLine) : JsonConverter<string>
{
    public static readonly CleanJsonText SingleLine = new(true), FreeText = new(false);

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Clean(reader.GetString()!, singleLine);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Clean(reader.GetString()!, true);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Clean(string text, bool singleLine) =>
        CleanText.FirstRefused(text, singleLine) is { } refused ? throw new UncleanTextException(refused) : CleanText.Normalise(text, singleLine);

    /// <summary>Type-info modifier: each string property gets the converter its name calls for.</summary>
    public static void ByPropertyName(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in info.Properties)
            if (property.PropertyType == typeof(string) && property.CustomConverter is null)
                property.CustomConverter = CleanText.IsSingleLine(property.Name) ? SingleLine : FreeText;
    }
}
