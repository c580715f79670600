using System.Text.Json.Nodes;
using Engine.Runtime;
using Npgsql;

namespace Engine.VersionMigration;

/// <summary>An instance as a migration sees it: its row, its open work items, and its timers that matter to a move.</summary>
internal sealed record InstanceSnapshot(InstanceStore.LoadedInstance Instance, List<OpenWorkItem> WorkItems, List<InstanceTimer> Timers);

internal sealed record OpenWorkItem(Guid Id, Guid TokenId, string StepId, string? Title, string Role, string? UnitId, string? Budget,
    DateTimeOffset? DueAt);

/// <summary>A pending timer, or a deadline rule that already fired (so that the new version's same rule does not fire twice).</summary>
internal sealed record InstanceTimer(Guid Id, Guid TokenId, string StepId, TimerKind Kind, Guid? WorkItemId, JsonObject Data, bool Pending)
{
    public int? Rule => Data["rule"]?.GetValue<int>();
    public string? Branch => Data["branch"]?.GetValue<string>();
    public Guid? Activation => Guid.TryParse(Data["activation"]?.GetValue<string>(), out var a) ? a : null;
}

/// <summary>
/// Reads snapshots: of every running and suspended instance of a version, of given instances, or of one instance under
/// its lock. Three statements in one batch: the instances, then their open work items, then their timers; each statement
/// after a locking one sees what was committed before the lock was granted.
/// </summary>
internal static class InstanceSnapshots
{
    private const string OfVersion = "i.definition_id = $1 AND i.definition_version = $2 AND i.status IN ('Running', 'Suspended')";
    private const string ItemColumns = "w.instance_id, w.id, w.token_id, w.step_id, w.title, w.role, w.unit_id, w.budget, w.due_at";
    private const string TimerColumns = "t.instance_id, t.id, t.token_id, t.step_id, t.kind, t.work_item_id, t.data, t.status";
    private const string TimerFilter = "(t.status = 'Pending' OR (t.status = 'Fired' AND t.kind IN ('Deadline', 'BranchDeadline')))";

    public static Task<List<InstanceSnapshot>> OfVersionAsync(EngineTransaction tx, string definitionId, int version, CancellationToken ct) =>
        ReadAsync(tx, OfVersion, $"IN (SELECT i.id FROM engine.instances i WHERE {OfVersion})", "", [definitionId, version], ct);

    public static Task<List<InstanceSnapshot>> ByIdAsync(EngineTransaction tx, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ReadAsync(tx, "i.id = ANY($1)", "= ANY($1)", "", [ids.ToArray()], ct);

    /// <summary>Locks the instance row (the first lock of every engine operation), then reads the rest.</summary>
    public static async Task<InstanceSnapshot?> LockAsync(EngineTransaction tx, Guid id, CancellationToken ct) =>
        (await ReadAsync(tx, "i.id = $1", "= $1", " FOR UPDATE", [id], ct)).SingleOrDefault();

    private static async Task<List<InstanceSnapshot>> ReadAsync(EngineTransaction tx, string instances, string ofInstance, string locking,
        object[] values, CancellationToken ct)
    {
        await using var batch = tx.Batch($"SELECT {InstanceStore.InstanceColumns} FROM engine.instances i WHERE {instances} ORDER BY i.id{locking}", values);
        batch.BatchCommands.Add(InstanceStore.Command(
            $"SELECT {ItemColumns} FROM engine.work_items w WHERE w.instance_id {ofInstance} AND w.status = 'Open' ORDER BY w.created_at, w.id", values));
        batch.BatchCommands.Add(InstanceStore.Command(
            $"SELECT {TimerColumns} FROM engine.timers t WHERE t.instance_id {ofInstance} AND {TimerFilter} ORDER BY t.created_at, t.id", values));
        await using var r = await batch.ExecuteReaderAsync(ct);
        var byId = new Dictionary<Guid, InstanceSnapshot>();
        var list = new List<InstanceSnapshot>();
        while (await r.ReadAsync(ct))
        {
            var snapshot = new InstanceSnapshot(InstanceStore.ReadInstance(r), [], []);
            byId[snapshot.Instance.Id] = snapshot;
            list.Add(snapshot);
        }
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
            if (byId.TryGetValue(r.GetGuid(0), out var owner)) owner.WorkItems.Add(ReadWorkItem(r));
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct))
            if (byId.TryGetValue(r.GetGuid(0), out var owner)) owner.Timers.Add(ReadTimer(r));
        return list;
    }

    private static OpenWorkItem ReadWorkItem(NpgsqlDataReader r) => new(r.GetGuid(1), r.GetGuid(2), r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8));

    private static InstanceTimer ReadTimer(NpgsqlDataReader r) => new(r.GetGuid(1), r.GetGuid(2), r.GetString(3),
        Enum.Parse<TimerKind>(r.GetString(4)), r.IsDBNull(5) ? null : r.GetGuid(5),
        r.IsDBNull(6) ? [] : JsonNode.Parse(r.GetString(6))!.AsObject(), r.GetString(7) == nameof(TimerStatus.Pending));
}
