using System.Collections.Concurrent;
using Engine.Definitions;
using Npgsql;

namespace Engine.Runtime;

/// <summary>Parsed definition bodies by stored row id. Safe to cache for ever: a published version never changes.</summary>
public sealed class DefinitionCache
{
    private readonly ConcurrentDictionary<Guid, WorkflowDefinition> _byRecord = new();

    internal async ValueTask<WorkflowDefinition?> GetAsync(EngineTransaction tx, Guid recordId, CancellationToken ct)
    {
        if (_byRecord.TryGetValue(recordId, out var cached)) return cached;
        await using var batch = tx.Batch("SELECT body, is_published FROM engine.definitions WHERE id = $1", recordId);
        await using var r = await batch.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        var definition = DefinitionJson.Deserialize(r.GetString(0));
        if (r.GetBoolean(1)) _byRecord[recordId] = definition;
        return definition;
    }

    internal void Put(Guid recordId, WorkflowDefinition definition) => _byRecord[recordId] = definition;
}
