using Engine.Persistence;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Engine.Outbox;

/// <summary>
/// The operator's view of the dead letters: parked messages, newest first, and the two ways out of parking. Replay
/// puts a message back in line to be published at once with a fresh set of attempts; it then goes out after any later
/// messages of its instance that were sent while it was parked. Discard keeps it unpublished until it is purged. Both
/// refuse a message that is not parked (NotFound, Conflict) and note the action in the instance's history.
/// </summary>
public sealed class ParkedMessages
{
    private readonly EngineDb db;
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider clock;

    /// <summary>Made by the engine's registration (<c>AddWorkflowEngine</c>): its database context is its own.</summary>
    internal ParkedMessages(EngineDb db, NpgsqlDataSource dataSource, TimeProvider clock) =>
        (this.db, this.dataSource, this.clock) = (db, dataSource, clock);

    public const string Replayed = "MessageReplayed";
    public const string Discarded = "MessageDiscarded";

    private IQueryable<OutboxRecord> Parked => db.Outbox.AsNoTracking()
        .Where(o => o.ParkedAt != null && o.DispatchedAt == null && o.DiscardedAt == null);

    public async Task<IReadOnlyList<ParkedMessage>> ListAsync(int skip = 0, int take = 50, CancellationToken ct = default) =>
        await Parked.OrderByDescending(o => o.ParkedAt).ThenByDescending(o => o.Sequence).Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 500))
            .Select(o => new ParkedMessage(o.Id, o.Sequence, o.InstanceId, o.Type, o.Attempts, o.LastError, o.CreatedAt, o.ParkedAt!.Value, o.Payload,
                db.Instances.Where(i => i.Id == o.InstanceId).Select(i => i.BusinessKey).FirstOrDefault()))
            .ToListAsync(ct);

    public Task<int> CountAsync(CancellationToken ct = default) => Parked.CountAsync(ct);

    /// <summary>Back to pending: attempts 0, due now. The last error stays, for the record.</summary>
    public Task<EngineResult<ParkedMessageResolution>> ReplayAsync(Guid id, string actor, string reason, CancellationToken ct = default) =>
        ResolveAsync(id, actor, reason, Replayed, "parked_at = NULL, attempts = 0, next_attempt_at = $2, leased_until = NULL", ct);

    /// <summary>Never to be published; the row stays, marked discarded by <paramref name="actor"/>, until the purge deletes it.</summary>
    public Task<EngineResult<ParkedMessageResolution>> DiscardAsync(Guid id, string actor, string reason, CancellationToken ct = default) =>
        ResolveAsync(id, actor, reason, Discarded, "discarded_at = $2, discarded_by = $4", ct);

    private async Task<EngineResult<ParkedMessageResolution>> ResolveAsync(Guid id, string actor, string reason, string kind, string set,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor.Length > 100)
            return new EngineError(EngineErrorCode.InvalidData, "An actor of 1 to 100 characters is required.", "actor");
        if (string.IsNullOrWhiteSpace(reason))
            return new EngineError(EngineErrorCode.InvalidData, "A reason is required: it goes into the instance's history.", "reason");
        var now = clock.GetUtcNow();
        // One statement, so one transaction: the row changes only if still parked, and the history row comes with it. When
        // nothing changed, the second branch reads the row as it was, to tell an unknown id from one that is not parked.
        await using var command = dataSource.CreateCommand($"""
            WITH changed AS (
                UPDATE engine.outbox SET {set}
                WHERE id = $1 AND parked_at IS NOT NULL AND dispatched_at IS NULL AND discarded_at IS NULL
                RETURNING id, instance_id, type
            ), noted AS (
                INSERT INTO engine.history (instance_id, at, kind, actor, comment, data)
                SELECT instance_id, $2, $3, $4, $5, jsonb_build_object('messageId', id, 'type', type) FROM changed WHERE instance_id IS NOT NULL
            )
            SELECT true, instance_id, type, false, false FROM changed
            UNION ALL
            SELECT false, instance_id, type, dispatched_at IS NOT NULL, discarded_at IS NOT NULL FROM engine.outbox
            WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM changed)
            """);
        foreach (var value in new object[] { id, now, kind, actor, reason }) command.Parameters.Add(new() { Value = value });
        await using var r = await command.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return new EngineError(EngineErrorCode.NotFound, $"No outbox message {id}.", "id");
        var (changed, instanceId, type) = (r.GetBoolean(0), r.IsDBNull(1) ? (Guid?)null : r.GetGuid(1), r.GetString(2));
        if (!changed)
            return new EngineError(EngineErrorCode.Conflict, $"Outbox message {id} is not parked: it was " +
                (r.GetBoolean(3) ? "sent" : r.GetBoolean(4) ? "discarded" : "replayed, or never parked, and waits to be sent") + ".", "id");
        return new ParkedMessageResolution(id, type, instanceId, kind, actor, now);
    }
}
