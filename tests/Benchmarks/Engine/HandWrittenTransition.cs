using Npgsql;
using NpgsqlTypes;

namespace Benchmarks.Engine;

/// <summary>
/// The ceiling: the same rows an engine transition writes (lock instance and work item, update both, open
/// the next work item, two history rows, one outbox row), as fixed hand-written SQL with precomputed JSON,
/// in one transaction. No definition lookup, no executor, no JSON (de)serialisation.
/// </summary>
internal static class HandWrittenTransition
{
    private const string Tokens = """[{"id":"00000000-0000-0000-0000-000000000001","stepId":"work","state":"Waiting","scopes":[]}]""";
    private const string Variables = """{"unit":"unit-1"}""";
    private const string Payload = """{"workItemId":"00000000-0000-0000-0000-000000000000","stepId":"work"}""";

    public static async Task<Guid> CompleteAsync(NpgsqlDataSource dataSource, Guid workItemId, CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        Guid instanceId;
        int revision;
        await using (var read = new NpgsqlCommand(
            "SELECT i.id, i.revision FROM engine.work_items w JOIN engine.instances i ON i.id = w.instance_id WHERE w.id = $1 FOR UPDATE", conn, tx)
            { Parameters = { new() { Value = workItemId } } })
        await using (var r = await read.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (instanceId, revision) = (r.GetGuid(0), r.GetInt32(1));
        }
        var now = DateTimeOffset.UtcNow;
        var next = Guid.CreateVersion7();
        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                Cmd("UPDATE engine.instances SET variables = $1, tokens = $2, revision = revision + 1, updated_at = $3 WHERE id = $4 AND revision = $5",
                    Json(Variables), Json(Tokens), now, instanceId, revision),
                Cmd("UPDATE engine.work_items SET status = 'Completed', completed_at = $2, completed_by = 'bench', action = 'next', revision = revision + 1 WHERE id = $1 AND status = 'Open'",
                    workItemId, now),
                Cmd("INSERT INTO engine.work_items (id, instance_id, token_id, definition_id, step_id, role, unit_id, status, budget, created_at, due_at, revision) " +
                    "VALUES ($1, $2, $3, 'bench-loop', 'work', 'clerk', 'unit-1', 'Open', '1d', $4, $5, 1)", next, instanceId, Guid.Empty, now, now.AddDays(1)),
                Cmd("INSERT INTO engine.history (instance_id, at, kind, actor, from_step, to_step, action, work_item_id) VALUES ($1, $2, 'ActionTaken', 'bench', 'work', 'work', 'next', $3), " +
                    "($1, $2, 'WorkItemOpened', NULL, NULL, 'work', NULL, $4)", instanceId, now, workItemId, next),
                Cmd("INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts) VALUES ($1, $2, 'engine.work-item-opened', $3, $4, 0)",
                    Guid.CreateVersion7(), instanceId, Json(Payload), now),
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return next;
    }

    private static NpgsqlParameter Json(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlBatchCommand Cmd(string sql, params object[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var v in values) cmd.Parameters.Add(v as NpgsqlParameter ?? new NpgsqlParameter { Value = v });
        return cmd;
    }
}
