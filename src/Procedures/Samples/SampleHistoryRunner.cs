namespace Procedures.Samples;

/// <summary>
/// Plays the planned histories in time order, a few use cases at a time, each at its own moment on the sample clock.
/// A dossier's moves run one after the other, receptions at one counter too (so the day's codes follow the clock),
/// and the timer poller's turn waits for everything before it. A refused move stops its dossier's history, except an
/// apology, which the leader gives whatever step is stuck.
/// </summary>
internal sealed class SampleHistoryRunner(IServiceProvider services, SampleClock clock, Func<string, Guid> unit, int parallelism)
{
    private int _useCases;

    public int UseCases => _useCases;

    public async Task<(Guid?[] Dossiers, (SampleMove Move, string Error)?[] StoppedBy)> RunAsync(IReadOnlyList<SampleDossierPlan> plans, CancellationToken ct)
    {
        var dossiers = new Guid?[plans.Count];
        var stoppedBy = new (SampleMove Move, string Error)?[plans.Count];
        var timeline = plans.SelectMany(p => p.Steps.Select((s, i) => (Plan: p, Step: s, Index: i)))
            .OrderBy(x => x.Step.At).ThenBy(x => x.Plan.Number).ThenBy(x => x.Index);
        var inFlight = new List<Task>();
        var last = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var (plan, step, _) in timeline)
        {
            if (step.Move.Kind == MoveKind.FireTimers) await DrainAsync(inFlight);
            while (inFlight.Count >= parallelism)
            {
                var done = await Task.WhenAny(inFlight);
                inFlight.Remove(done);
                await done; // an unexpected failure surfaces here rather than being lost
            }
            var keys = step.Move.Kind is MoveKind.Counter or MoveKind.CheckOnline ? new[] { $"#{plan.Number}", plan.Staff.Shop } : [$"#{plan.Number}"];
            var before = keys.Select(k => last.GetValueOrDefault(k)).OfType<Task>().ToArray();
            var task = RunAsync(before, plan, step, dossiers, stoppedBy, ct);
            foreach (var key in keys) last[key] = task;
            inFlight.Add(task);
            if (step.Move.Kind == MoveKind.FireTimers) await DrainAsync(inFlight);
        }
        await DrainAsync(inFlight);
        return (dossiers, stoppedBy);
    }

    private async Task RunAsync(Task[] before, SampleDossierPlan plan, SampleStep step, Guid?[] dossiers, (SampleMove, string)?[] stoppedBy, CancellationToken ct)
    {
        await Task.WhenAll(before);
        var n = plan.Number - 1;
        if (stoppedBy[n] is not null && step.Move.Kind != MoveKind.Apologise) return;
        clock.SetForThisFlow(step.At);
        var moved = await SampleMoves.RunAsync(services, plan, step.Move, dossiers[n], unit, step.At, ct);
        if (step.Move.Kind != MoveKind.FireTimers) Interlocked.Increment(ref _useCases);
        if (moved.Error is { } refused) stoppedBy[n] ??= (step.Move, $"{refused.Code}: {refused.MessageEn}");
        else dossiers[n] ??= moved.Value;
    }

    private static async Task DrainAsync(List<Task> inFlight)
    {
        await Task.WhenAll(inFlight);
        inFlight.Clear();
    }
}
