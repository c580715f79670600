using Engine.Runtime;
using Npgsql;

namespace Engine.Queries;

/// <summary>
/// Reads of one instance inside a caller's transaction, for callers that commit their own rows with the engine's and must
/// see what that transaction wrote (the query services use a connection of their own and would not). A transition's
/// result already carries the open work items as it left them; these are for a use case's first look at the instance.
/// </summary>
public static class InstanceReads
{
    /// <summary>The first column <see cref="OpenWorkItemsSql"/> selects: how a reader of a caller's batch finds its result.</summary>
    public const string FirstColumn = "work_item_id";

    /// <summary>
    /// The open work items of the instance whose id is the SQL expression <paramref name="instanceId"/> (a parameter such as
    /// <c>$1</c>, or a subquery over the caller's own table), oldest first, in the columns <see cref="ReadOpenWorkItemsAsync"/>
    /// reads: for a caller that adds the read to a batch of its own and so spends no round trip on it.
    /// </summary>
    public static string OpenWorkItemsSql(string instanceId) =>
        $"SELECT w.id AS {FirstColumn}, w.instance_id, w.definition_id, w.business_key, w.step_id, w.title, w.role, w.unit_id, w.assignee, " +
        "w.claimed_by, w.branch, w.created_at, w.due_at, w.revision, w.token_id FROM engine.work_items w " +
        $"WHERE w.instance_id = ({instanceId}) AND w.status = 'Open' ORDER BY w.created_at, w.id";

    /// <summary>Reads the rows of <see cref="OpenWorkItemsSql"/> from the reader's current result.</summary>
    public static async Task<List<WorkItemView>> ReadOpenWorkItemsAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var items = new List<WorkItemView>();
        while (await r.ReadAsync(ct))
            items.Add(new WorkItemView(r.GetGuid(0), r.GetGuid(1), r.GetString(2), Text(r, 3), r.GetString(4), Text(r, 5), r.GetString(6),
                Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10), r.GetFieldValue<DateTimeOffset>(11),
                r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12), r.GetInt32(13)) { TokenId = r.GetGuid(14) });
        return items;
    }

    /// <summary>The instance's open work items, oldest first, as <paramref name="transaction"/> sees them.</summary>
    public static async Task<IReadOnlyList<WorkItemView>> OpenWorkItemsAsync(NpgsqlTransaction transaction, Guid instanceId, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand(OpenWorkItemsSql("$1"), transaction.Connection, transaction) { Parameters = { new() { Value = instanceId } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadOpenWorkItemsAsync(r, ct);
    }

    /// <summary>The step a path left in the instance's latest move (its <c>TokenMoved</c> history row), as <paramref name="transaction"/> sees it.</summary>
    public static async Task<string?> LastMovedFromAsync(NpgsqlTransaction transaction, Guid instanceId, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT from_step FROM engine.history WHERE instance_id = $1 AND kind = 'TokenMoved' ORDER BY id DESC LIMIT 1", transaction.Connection, transaction)
        {
            Parameters = { new() { Value = instanceId } },
        };
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
