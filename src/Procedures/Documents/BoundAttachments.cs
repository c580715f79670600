using System.Text.Json;

namespace Procedures.Documents;

/// <summary>The files an AttachmentsAdded history entry names: <c>{"attachments":[{"id","fileName","size","sha256"}]}</c>.</summary>
internal static class BoundAttachments
{
    public sealed record Bound(Guid Id, string Sha256);

    public static IEnumerable<Bound> Read(string data)
    {
        using var json = JsonDocument.Parse(data);
        if (!json.RootElement.TryGetProperty("attachments", out var list) || list.ValueKind != JsonValueKind.Array) return [];
        return [.. list.EnumerateArray()
            .Where(a => a.TryGetProperty("id", out var id) && id.TryGetGuid(out _) && a.TryGetProperty("sha256", out var s) && s.ValueKind == JsonValueKind.String)
            .Select(a => new Bound(a.GetProperty("id").GetGuid(), a.GetProperty("sha256").GetString()!))];
    }
}
