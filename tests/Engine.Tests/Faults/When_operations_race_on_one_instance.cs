using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: cancel and the end of an instance locked in another order than complete, claim and the
/// timer poller. In 40 rounds each, cancel against complete deadlocked 2 times, cancel against a timer 12, one branch
/// ending against the other replying 9, and callers got a raw 40P01. Every operation now locks the instance first.
/// </summary>
public sealed class When_operations_race_on_one_instance : EngineTest
{
    private const int Rounds = 40;

    private const string EndingBranch = """
        id: ending-branch
        version: 1
        title: A consulted agency can end the case
        steps:
          - id: consult
            kind: split
            join: consulted
            branches:
              - name: police
                start: police-check
                budget: 2d
              - name: tax
                start: tax-opinion
                budget: 2d
          - id: police-check
            kind: human
            role: consulted-officer
            budget: 2d
            actions:
              - name: reply
                to: consulted
              - name: refuse
                to: refused
          - id: tax-opinion
            kind: human
            role: consulted-officer
            budget: 2d
            actions:
              - name: reply
                to: consulted
          - id: consulted
            kind: join
            next: decide
          - id: decide
            kind: human
            role: unit-leader
            budget: 1d
            actions:
              - name: approve
                to: approved
          - id: approved
            kind: end
            outcome: approved
          - id: refused
            kind: end
            outcome: refused
        """;

    [Test]
    public async Task Should_end_cancel_against_complete_without_a_database_error()
    {
        await PublishAsync(SampleDefinitions.Approval);
        for (var round = 0; round < Rounds; round++)
        {
            var started = await StartAsync("approval", new { applicant = "A" });
            var item = started.OpenedWorkItems[0].Id;
            var results = await RaceAsync(
                r => r.CancelAsync(started.InstanceId, "admin", "race"),
                r => r.CompleteAsync(new CompleteWorkItem(item, "accept", "clerk-1")));
            results.ShouldAllBe(e => e == null || e.Code == EngineErrorCode.Conflict || e.Code == EngineErrorCode.NotRunning);
            await ShouldBeConsistentAsync(started.InstanceId);
        }
    }

    [Test]
    public async Task Should_end_cancel_against_a_firing_timer_without_a_database_error()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        for (var round = 0; round < Rounds; round++)
        {
            var started = await StartAsync("waiting");
            Clock.Advance(TimeSpan.FromDays(3));
            var results = await RaceAsync(
                r => r.CancelAsync(started.InstanceId, "admin", "race"),
                async r => { await r.FireDueTimersAsync(); return EngineResult<TransitionResult>.Ok(null!); });
            results.ShouldAllBe(e => e == null || e.Code == EngineErrorCode.Conflict || e.Code == EngineErrorCode.NotRunning);
            (await CountAsync($"SELECT count(*) FROM engine.incidents WHERE instance_id = '{started.InstanceId}'")).ShouldBe(0);
            await ShouldBeConsistentAsync(started.InstanceId);
        }
    }

    [Test]
    public async Task Should_end_one_branch_ending_the_case_against_the_other_replying_without_a_database_error()
    {
        await PublishAsync(EndingBranch);
        for (var round = 0; round < Rounds; round++)
        {
            var started = await StartAsync("ending-branch");
            var police = started.OpenedWorkItems.Single(w => w.StepId == "police-check").Id;
            var tax = started.OpenedWorkItems.Single(w => w.StepId == "tax-opinion").Id;
            var results = await RaceAsync(
                r => r.CompleteAsync(new CompleteWorkItem(police, "refuse", "police-1")),
                r => r.CompleteAsync(new CompleteWorkItem(tax, "reply", "tax-1")));
            results[0].ShouldBeNull(); // the refusal always ends the case, whoever goes first
            results[1].ShouldSatisfyAllConditions(e => (e == null || e.Code == EngineErrorCode.Conflict || e.Code == EngineErrorCode.NotRunning).ShouldBeTrue());
            (await CountAsync($"SELECT count(*) FROM engine.instances WHERE id = '{started.InstanceId}' AND status = 'Completed' AND outcome = 'refused'")).ShouldBe(1);
            await ShouldBeConsistentAsync(started.InstanceId);
        }
    }

    /// <summary>Runs both at once, each in its own scope; any exception (a raw database error) fails the test.</summary>
    private async Task<EngineError?[]> RaceAsync(params Func<WorkflowRuntime, Task<EngineResult<TransitionResult>>>[] operations)
    {
        using var go = new ManualResetEventSlim();
        var tasks = operations.Select(operation => Task.Run(async () =>
        {
            await using var scope = NewScope();
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            go.Wait();
            return (await operation(runtime)).Error;
        })).ToList();
        go.Set();
        return await Task.WhenAll(tasks);
    }

    /// <summary>A finished instance has nothing open or pending; a running one has exactly one open item or timer per waiting path.</summary>
    private async Task ShouldBeConsistentAsync(Guid instance)
    {
        await using var cmd = DataSource.CreateCommand(
            "SELECT status, jsonb_array_length(tokens), " +
            "(SELECT count(*) FROM engine.work_items w WHERE w.instance_id = i.id AND w.status = 'Open'), " +
            "(SELECT count(*) FROM engine.timers t WHERE t.instance_id = i.id AND t.status = 'Pending') FROM engine.instances i WHERE id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = instance });
        await using var r = await cmd.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue();
        var (status, tokens, open, pending) = (r.GetString(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3));
        if (status is "Completed" or "Cancelled") (tokens, open, pending).ShouldBe((0, 0L, 0L), $"{status} instance {instance}");
        else (open + pending).ShouldBe(tokens, $"running instance {instance}");
    }
}
