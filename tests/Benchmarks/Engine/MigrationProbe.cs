using System.Diagnostics;
using Engine.Definitions;
using Engine.Runtime;
using Engine.VersionMigration;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Engine;

/// <summary>
/// Times moving running instances to a new version: the dry run and the migration itself, one transaction per instance.
/// The instances wait everywhere a migration has to look: a third on a human step with a deadline rule, a third on a
/// timer, a third inside a split with one branch arrived at the join and the other still working.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- migrate [instances]</c>.
/// </summary>
internal static class MigrationProbe
{
    private const string Version1 = """
        id: bench-permit
        version: 1
        title: Benchmark permit
        inputs:
          - name: unit
            type: unit
        steps:
          - id: receive
            kind: human
            role: clerk
            unit: $unit
            budget: 1d
            onOverdue:
              - do: remind
            actions:
              - name: hold
                to: cool-off
              - name: consult
                to: consult
          - id: cool-off
            kind: timer
            duration: 2d
            next: review
          - id: consult
            kind: split
            join: consulted
            branches:
              - name: tax
                start: tax-opinion
                budget: 3d
              - name: land
                start: land-opinion
                budget: 3d
          - id: tax-opinion
            kind: human
            role: tax-officer
            budget: 2d
            actions:
              - name: reply
                to: consulted
          - id: land-opinion
            kind: human
            role: land-officer
            budget: 2d
            actions:
              - name: reply
                to: consulted
          - id: consulted
            kind: join
            next: review
          - id: review
            kind: human
            role: section-head
            budget: 2d
            actions:
              - name: approve
                to: approved
          - id: approved
            kind: end
            outcome: approved
        """;

    /// <summary>Version 2 renames the land office's step, gives the clerk's step another role and rule, and the branches a rule.</summary>
    private static readonly string Version2 = Version1
        .Replace("land-opinion", "land-review").Replace("role: clerk", "role: receiving-officer")
        .Replace("      - do: remind\n", "      - after: 1d\n        do: escalate\n        role: section-head\n")
        .Replace("        budget: 3d\n", "        budget: 3d\n        onOverdue:\n          - do: remind\n");

    public static async Task RunAsync(int instances)
    {
        await using var db = await BenchDatabase.StartAsync();
        await PublishAsync(db, Version1);
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            await using var scope = db.Services.CreateAsyncScope();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            for (var i = worker; i < instances; i += 8) await StartAsync(runtime, i % 3);
        }));
        Console.WriteLine($"started {instances:N0} instances in {sw.Elapsed.TotalSeconds:N0} s (a third each: human step, timer, split half joined)");
        await PublishAsync(db, Version2);

        var request = new MigrationRequest("bench-permit", 1, 2, new Dictionary<string, string> { ["land-opinion"] = "land-review" }, null,
            "bench", "Benchmark: move every running instance");
        await using var scope = db.Services.CreateAsyncScope();
        var migration = scope.ServiceProvider.GetRequiredService<InstanceMigration>();
        var cpu = CpuMeter.Start(db.DataDirectory);
        sw.Restart();
        var plan = (await migration.PlanAsync(request)).Value!;
        var planned = sw.Elapsed;
        if (!plan.CanMigrate) throw new InvalidOperationException(string.Join("\n", plan.Problems.Take(5)));
        Console.WriteLine($"dry run:   {plan.Instances.Count,7:N0} instances in {planned.TotalMilliseconds,8:N0} ms  " +
                          $"({plan.Instances.Count / planned.TotalSeconds,7:N0} instances/s), {plan.Instances.Sum(i => i.Changes.Count):N0} changes listed; {cpu.Read()}");

        cpu = CpuMeter.Start(db.DataDirectory);
        var report = (await migration.MigrateAsync(request)).Value!;
        Console.WriteLine($"migration: {report.Moved,7:N0} moved, {report.Refused} refused, {report.Unchanged} unchanged in {report.Elapsed.TotalMilliseconds,8:N0} ms  " +
                          $"({report.Moved / report.Elapsed.TotalSeconds,7:N0} instances/s; dry run included); {cpu.Read()}");

        // The wire is counted apart (tracing every command costs CPU of its own): 100 instances moved back to version 1.
        var back = new MigrationRequest("bench-permit", 2, 1, new Dictionary<string, string> { ["land-review"] = "land-opinion" },
            plan.Instances.Take(100).Select(i => i.InstanceId).ToList(), "bench", "Benchmark: move some back");
        MigrationReport moved = null!;
        var (trips, statements) = await EngineProbe.CountWireAsync(async () => moved = (await migration.MigrateAsync(back)).Value!);
        // Traced: the plan's two reads, then per instance the locking read and the write; each instance's COMMIT is not traced.
        Console.WriteLine($"wire:      {(trips - 1 - 2.0) / moved.Moved + 1:N2} round trips and {(statements - 1 - 4.0) / moved.Moved + 1:N2} statements " +
                          $"per instance (locking read, write batch, commit), after the plan's 2 reads ({moved.Moved} instances moved back to version 1)");
    }

    private static async Task PublishAsync(BenchDatabase db, string yaml)
    {
        await using var scope = db.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        await store.SaveDraftAsync(yaml, "bench");
        var published = await store.PublishAsync("bench-permit", "bench");
        if (!published.Succeeded) throw new InvalidOperationException(published.Error!.Message);
    }

    private static async Task StartAsync(WorkflowRuntime runtime, int kind)
    {
        var started = (await runtime.StartAsync(new StartInstance("bench-permit", new() { ["unit"] = "unit-1" }, Actor: "bench"))).Value!;
        var receive = started.OpenedWorkItems[0].Id;
        if (kind == 0) return;
        var next = (await runtime.CompleteAsync(new CompleteWorkItem(receive, kind == 1 ? "hold" : "consult", "bench"))).Value!;
        if (kind == 2) await runtime.CompleteAsync(new CompleteWorkItem(next.OpenedWorkItems.Single(w => w.StepId == "tax-opinion").Id, "reply", "bench"));
    }
}
