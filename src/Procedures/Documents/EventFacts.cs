using System.Text.Json.Nodes;
using Procedures.Dossiers;

namespace Procedures.Documents;

/// <summary>Reads the facts a use case wrote into its <see cref="DossierEvent.Data"/> (camelCase JSON).</summary>
internal static class EventFacts
{
    /// <summary>A step the move opened: its id, workflow role, unit and named assignee.</summary>
    public sealed record Opened(string Step, string? Role, string? Unit, string? Assignee);

    public static IReadOnlyList<string> Strings(EventView e, string name) =>
        Facts(e)?[name] is JsonArray items ? items.Select(i => i?.GetValue<string>()).OfType<string>().ToList() : [];

    public static DateTimeOffset? Instant(EventView e, string name) =>
        Facts(e)?[name] is JsonValue value && value.TryGetValue<DateTimeOffset>(out var at) ? at : null;

    public static Guid? Id(EventView e, string name) =>
        Facts(e)?[name] is JsonValue value && value.TryGetValue<Guid>(out var id) ? id : null;

    /// <summary>The work items the move opened (<c>next</c>), in order.</summary>
    public static IReadOnlyList<Opened> Next(EventView e) =>
        Facts(e)?["next"] is JsonArray next
            ? next.OfType<JsonObject>().Select(n => new Opened(Text(n, "step") ?? "", Text(n, "role"), Text(n, "unit"), Text(n, "assignee"))).ToList()
            : [];

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonObject? Facts(EventView e) => string.IsNullOrWhiteSpace(e.Data) ? null : JsonNode.Parse(e.Data) as JsonObject;
}
