using System.Data;
using System.Diagnostics;
using Engine.Calendar;
using Engine.Runtime;
using Npgsql;

namespace Engine.VersionMigration;

/// <summary>
/// Moves running instances from one published version of a definition to another: the audited exception to an instance
/// pinning its version for life. <see cref="PlanAsync"/> is the dry run; <see cref="MigrateAsync"/> validates exactly as
/// the plan does, moves nothing while any problem remains, then moves each instance in a transaction of its own, so one
/// instance that cannot move is reported and never stops the others.
/// </summary>
public sealed class InstanceMigration(NpgsqlDataSource dataSource, IWorkingCalendar calendar, TimeProvider clock)
{
    /// <summary>
    /// Instances are independent (each takes its own lock in its own transaction), so a few connections at once hide the
    /// round trips' latency; more would crowd the pool the application's requests share.
    /// </summary>
    private const int Connections = 4;

    /// <summary>
    /// Checks the versions and the mapping against the instances selected, and lists for each what would change or why it
    /// cannot move. Writes nothing. The plan's <see cref="MigrationPlan.Problems"/> are what <see cref="MigrateAsync"/> refuses.
    /// </summary>
    public async Task<EngineResult<MigrationPlan>> PlanAsync(MigrationRequest request, CancellationToken ct = default) =>
        (await PrepareAsync(request, ct)).Plan;

    /// <summary>
    /// Moves the selected instances when the plan has no problem; otherwise fails with <see cref="EngineErrorCode.InvalidData"/>
    /// listing every problem (one a line, the first one's path as the field) and moves nothing. Each instance is locked and
    /// checked again in its own transaction: one that ended or changed version meanwhile, or no longer fits the mapping, is
    /// reported and left as it is.
    /// </summary>
    public async Task<EngineResult<MigrationReport>> MigrateAsync(MigrationRequest request, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var (plan, mover) = await PrepareAsync(request, ct);
        if (!plan.CanMigrate || mover is null)
            return new EngineError(EngineErrorCode.InvalidData, string.Join("\n", plan.Problems), plan.Problems[0].Path);
        var lines = new MigratedInstance[plan.Instances.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(Connections, lines.Length)).Select(async _ =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            for (int i; (i = Interlocked.Increment(ref next)) < lines.Length;)
                lines[i] = await MoveAsync(connection, mover, plan.Instances[i], request, ct);
        }));
        return new MigrationReport(request.DefinitionId, request.FromVersion, request.ToVersion,
            lines.Count(l => l.Outcome == MigrationOutcome.Moved), lines.Count(l => l.Outcome == MigrationOutcome.Refused),
            lines.Count(l => l.Outcome == MigrationOutcome.Unchanged), lines, Stopwatch.GetElapsedTime(started));
    }

    private async Task<(MigrationPlan Plan, InstanceMover? Mover)> PrepareAsync(MigrationRequest request, CancellationToken ct)
    {
        var problems = MigrationSelection.RequestProblems(request);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for the versions, the instances, their work and their timers. Nothing is written.
        await using var npgsql = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var tx = new EngineTransaction(npgsql, borrowed: false);
        var versions = string.IsNullOrWhiteSpace(request.DefinitionId) ? null : await MigrationVersions.LoadAsync(tx, request, problems, ct);
        if (versions is null)
            return (new MigrationPlan(request.DefinitionId, request.FromVersion, request.ToVersion, new Dictionary<string, string>(), problems, []), null);

        var map = new StepMap(versions.From, versions.To, request.StepMapping, problems);
        var mover = new InstanceMover(versions, map, calendar);
        var now = clock.GetUtcNow();
        var lines = new List<InstanceMigrationPlan>();
        foreach (var snapshot in await MigrationSelection.SelectAsync(tx, request, problems, ct))
        {
            var (move, stuck) = mover.Plan(snapshot, now);
            problems.AddRange(stuck);
            lines.Add(new(snapshot.Instance.Id, snapshot.Instance.BusinessKey, snapshot.Instance.Status, move?.Changes ?? [], stuck));
        }
        return (new MigrationPlan(request.DefinitionId, request.FromVersion, request.ToVersion, map.Applied, problems, lines), mover);
    }

    /// <summary>
    /// One instance in its own transaction. A deadlock or serialization failure is retried; any other refusal by the
    /// database is this instance's alone: reported, and the next instance goes on on the same connection.
    /// </summary>
    private async Task<MigratedInstance> MoveAsync(NpgsqlConnection connection, InstanceMover mover, InstanceMigrationPlan planned,
        MigrationRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var npgsql = await connection.BeginTransactionAsync(ct);
            var tx = new EngineTransaction(npgsql, borrowed: false);
            try
            {
                var line = await MoveLockedAsync(tx, mover, planned, request, ct);
                if (line.Outcome == MigrationOutcome.Moved) await npgsql.CommitAsync(ct);
                else await tx.UndoAsync(ct);
                return line;
            }
            catch (PostgresException e) when (Contention.IsTransient(e) && attempt < Contention.Attempts)
            {
                await tx.UndoAsync(ct);
                await Task.Delay(Contention.Pause(attempt), ct);
            }
            catch (PostgresException e)
            {
                await tx.UndoAsync(ct);
                return Line(planned, MigrationOutcome.Refused, $"The database refused the move: {e.MessageText}");
            }
        }
    }

    private async Task<MigratedInstance> MoveLockedAsync(EngineTransaction tx, InstanceMover mover, InstanceMigrationPlan planned,
        MigrationRequest request, CancellationToken ct)
    {
        var snapshot = await InstanceSnapshots.LockAsync(tx, planned.InstanceId, ct);
        if (snapshot is null) return Line(planned, MigrationOutcome.Refused, "The instance no longer exists.");
        var instance = snapshot.Instance;
        if (instance.DefinitionId == request.DefinitionId && instance.Version == request.ToVersion)
            return Line(planned, MigrationOutcome.Unchanged, $"Already on version {request.ToVersion}: moved meanwhile.");
        if (MigrationSelection.NotMovable(instance, request) is { } changed)
            return Line(planned, MigrationOutcome.Refused, $"Changed meanwhile: {changed}");

        var now = clock.GetUtcNow();
        var (move, problems) = mover.Plan(snapshot, now);
        if (move is null)
            return Line(planned, MigrationOutcome.Refused, "Changed meanwhile: " + string.Join(" ", problems.Select(p => $"{p.Path}: {p.Message}")));
        if (!await MigrationWrite.WriteAsync(tx, snapshot, move, mover.Versions, request, now, ct))
            return Line(planned, MigrationOutcome.Refused, "The instance changed while it was being moved.");
        return new MigratedInstance(instance.Id, instance.BusinessKey, MigrationOutcome.Moved, move.Changes);
    }

    private static MigratedInstance Line(InstanceMigrationPlan planned, MigrationOutcome outcome, string reason) =>
        new(planned.InstanceId, planned.BusinessKey, outcome, [], reason);
}
