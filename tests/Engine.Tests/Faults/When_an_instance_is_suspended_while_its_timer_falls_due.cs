using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: a timer fired into a suspended instance and resumed it (history Suspended, TimerFired,
/// WorkItemOpened; status back to Running; no Resumed). A suspended instance's timers now wait until it resumes.
/// </summary>
public sealed class When_an_instance_is_suspended_while_its_timer_falls_due : EngineTest
{
    [Test]
    public async Task Should_never_fire_after_the_suspension_in_forty_races()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        for (var round = 0; round < 40; round++)
        {
            var started = await StartAsync("waiting");
            Clock.Advance(TimeSpan.FromDays(3));
            using var go = new ManualResetEventSlim();
            var suspend = Task.Run(async () =>
            {
                await using var scope = NewScope();
                go.Wait();
                return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().SuspendAsync(started.InstanceId, "admin", "race");
            });
            var poll = Task.Run(async () =>
            {
                await using var scope = NewScope();
                go.Wait();
                return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync();
            });
            go.Set();
            var (suspended, _) = (await suspend, await poll);
            if (!suspended.Succeeded) continue; // the timer won and the instance moved on first; nothing to check
            (await CountAsync($"SELECT count(*) FROM engine.instances WHERE id = '{started.InstanceId}' AND status = 'Suspended'")).ShouldBe(1);
            (await CountAsync($"SELECT count(*) FROM engine.history h WHERE h.instance_id = '{started.InstanceId}' AND h.kind IN ('TimerFired', 'WorkItemOpened') " +
                $"AND h.id > (SELECT s.id FROM engine.history s WHERE s.instance_id = h.instance_id AND s.kind = 'Suspended')")).ShouldBe(0);
        }
    }

    [Test]
    public async Task Should_fire_once_resumed_and_record_both()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        var started = await StartAsync("waiting");
        (await Runtime.SuspendAsync(started.InstanceId, "admin", "Chờ ý kiến Sở")).Succeeded.ShouldBeTrue();
        Clock.Advance(TimeSpan.FromDays(7));
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        (await Runtime.ResumeAsync(started.InstanceId, "admin", "Đã có ý kiến")).Succeeded.ShouldBeTrue();
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        var kinds = (await Runtime_History(started.InstanceId)).ToList();
        kinds.ShouldBe(["Started", "Automatic", "TimerStarted", "Suspended", "Resumed", "TimerFired", "WorkItemOpened"]);
    }

    private async Task<IEnumerable<string>> Runtime_History(Guid instance)
    {
        var kinds = new List<string>();
        await using var cmd = DataSource.CreateCommand($"SELECT kind FROM engine.history WHERE instance_id = '{instance}' ORDER BY id");
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) kinds.Add(r.GetString(0));
        return kinds;
    }
}
