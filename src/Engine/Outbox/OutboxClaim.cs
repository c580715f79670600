using Npgsql;

namespace Engine.Outbox;

/// <summary>A row whose lease a dispatcher holds until <paramref name="LeasedUntil"/>, to publish it.</summary>
internal sealed record ClaimedRow(Guid Id, long Sequence, Guid? InstanceId, string Type, string Payload, int Attempts, DateTimeOffset LeasedUntil);

/// <summary>
/// Takes a lease on the next rows to publish, in one short statement that commits at once: no transaction and no row
/// lock is held afterwards, while the dispatcher talks to the broker.
/// </summary>
internal static class OutboxClaim
{
    // The ordering rule: a row of an instance is claimed only together with, or after, every earlier row of its
    // instance that is still pending (neither sent nor parked: a parked row's turn has passed, and holding its instance
    // back until a person acts would stop every later notice; docs/architecture.md). Rows without an instance are unordered.
    // `candidates` reads the statement's READ COMMITTED snapshot: due, unleased pending rows whose instance has no earlier
    // row waiting for its backoff or leased by someone else. SKIP LOCKED then locks them, re-checking each against its
    // newest version. But it may skip a row that another claim (or a late failure record) is writing right now and still
    // take that row's successors, which the snapshot shows unblocked. So `claimable` keeps only the rows whose every
    // earlier pending row, as the snapshot shows it, was locked by this very statement: whichever claim locks the first
    // pending row of an instance is the only one that can take the rows after it; the other's leftovers are unlocked at
    // commit. Pending rows the snapshot cannot show are a parked row replayed meanwhile (deliberately out of order) or a
    // row inserted with a lower sequence by a transaction that commits later. Engine transitions rule that out by holding
    // the instance's row lock while they write its rows; a writer outside the engine must serialise them likewise.
    //
    // The planner must not depend on statistics here: a burst of rows arrives long before autovacuum analyses it, and a
    // claim then took a second. Each NOT EXISTS ends in OFFSET 0, so it stays a subplan run per candidate instead of an
    // anti-join over every pending row; and it compares (instance_id, sequence) as a row, which only the per-instance
    // index can serve, so the subplan is a range scan of that instance's earlier rows and never of the whole queue. The
    // update finds its rows by primary key, as the table keeps a week of sent rows.
    private const string Sql = """
        WITH candidates AS MATERIALIZED (
            SELECT o.id, o.instance_id, o.sequence
            FROM engine.outbox o
            WHERE o.dispatched_at IS NULL AND o.parked_at IS NULL
              AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= $1)
              AND (o.leased_until IS NULL OR o.leased_until <= $1)
              AND NOT EXISTS (SELECT 1 FROM engine.outbox e
                              WHERE e.instance_id = o.instance_id AND (e.instance_id, e.sequence) < (o.instance_id, o.sequence)
                                AND e.dispatched_at IS NULL AND e.parked_at IS NULL
                                AND (e.next_attempt_at > $1 OR e.leased_until > $1)
                              OFFSET 0)
            ORDER BY o.sequence
            LIMIT $3
            FOR UPDATE OF o SKIP LOCKED
        ), claimable AS (
            SELECT c.id FROM candidates c
            WHERE NOT EXISTS (SELECT 1 FROM engine.outbox e
                              WHERE e.instance_id = c.instance_id AND (e.instance_id, e.sequence) < (c.instance_id, c.sequence)
                                AND e.dispatched_at IS NULL AND e.parked_at IS NULL
                                AND e.id NOT IN (SELECT id FROM candidates)
                              OFFSET 0)
        )
        UPDATE engine.outbox o SET leased_until = $2
        WHERE o.id = ANY (ARRAY(SELECT id FROM claimable))
        RETURNING o.id, o.sequence, o.instance_id, o.type, o.payload, o.attempts
        """;

    /// <summary>The claimed rows in sequence order.</summary>
    public static async Task<List<ClaimedRow>> ClaimAsync(NpgsqlDataSource dataSource, DateTimeOffset now, TimeSpan lease, int batchSize,
        CancellationToken ct)
    {
        var leasedUntil = now + lease;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new() { Value = now });
        command.Parameters.Add(new() { Value = leasedUntil });
        command.Parameters.Add(new() { Value = batchSize });
        var rows = new List<ClaimedRow>();
        await using (var r = await command.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                rows.Add(new(r.GetGuid(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetGuid(2), r.GetString(3), r.GetString(4), r.GetInt32(5), leasedUntil));
        rows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return rows;
    }
}
