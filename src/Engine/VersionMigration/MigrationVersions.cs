using Engine.Definitions;
using Engine.Runtime;

namespace Engine.VersionMigration;

/// <summary>The two published versions a migration moves instances between, with the stored rows they live in.</summary>
internal sealed record MigrationVersions(Guid FromRecordId, WorkflowDefinition From, Guid ToRecordId, WorkflowDefinition To)
{
    /// <summary>Loads both versions; each one missing, unpublished or the same as the other is a problem named by its field.</summary>
    public static async Task<MigrationVersions?> LoadAsync(EngineTransaction tx, MigrationRequest request, List<MigrationProblem> problems,
        CancellationToken ct)
    {
        if (request.FromVersion == request.ToVersion)
        {
            problems.Add(new("toVersion", $"The instances are on version {request.FromVersion} already: choose another version."));
            return null;
        }
        var found = new Dictionary<int, (Guid Record, bool Published, string Body)>();
        await using (var batch = tx.Batch("SELECT version, id, is_published, body FROM engine.definitions WHERE definition_id = $1 AND version = ANY($2)",
            request.DefinitionId, new[] { request.FromVersion, request.ToVersion }))
        await using (var r = await batch.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                found[r.GetInt32(0)] = (r.GetGuid(1), r.GetBoolean(2), r.GetString(3));
        var from = Published(found, request.DefinitionId, request.FromVersion, "fromVersion", problems);
        var to = Published(found, request.DefinitionId, request.ToVersion, "toVersion", problems);
        return from is { } f && to is { } t
            ? new MigrationVersions(f.Record, DefinitionJson.Deserialize(f.Body), t.Record, DefinitionJson.Deserialize(t.Body))
            : null;
    }

    private static (Guid Record, bool Published, string Body)? Published(Dictionary<int, (Guid, bool, string)> found, string definitionId,
        int version, string field, List<MigrationProblem> problems)
    {
        if (!found.TryGetValue(version, out var row))
            problems.Add(new(field, $"Definition '{definitionId}' has no version {version}."));
        else if (!row.Item2)
            problems.Add(new(field, $"Version {version} of '{definitionId}' is a draft: instances only run on published versions."));
        else return row;
        return null;
    }
}
