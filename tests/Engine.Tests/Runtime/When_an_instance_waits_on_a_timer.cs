using Engine.Runtime;

namespace Engine.Tests.Runtime;

public sealed class When_an_instance_waits_on_a_timer : EngineTest
{
    [Test]
    public async Task Should_fire_after_the_working_days_have_passed_and_not_before()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        var started = await StartAsync("waiting");
        started.OpenedWorkItems.ShouldBeEmpty();
        started.ActiveSteps.ShouldBe(["wait"]);

        Clock.Advance(TimeSpan.FromDays(1)); // Tuesday 09:00: one working day gone, one to go
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        Clock.Set(new DateTimeOffset(2026, 3, 4, 8, 59, 0, TimeSpan.FromHours(7)));
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        Clock.Set(new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(7)));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);

        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'after' AND status = 'Open'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Fired'")).ShouldBe(1);
        (await CountAsync($"SELECT count(*) FROM engine.instances WHERE variables ->> 'stage' = 'waiting'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_skip_weekends_when_counting_working_days()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        Clock.Set(new DateTimeOffset(2026, 3, 6, 16, 0, 0, TimeSpan.FromHours(7))); // Friday 16:00
        await StartAsync("waiting");
        Clock.Set(new DateTimeOffset(2026, 3, 9, 16, 59, 0, TimeSpan.FromHours(7))); // Monday: only 1 working day
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        Clock.Set(new DateTimeOffset(2026, 3, 10, 16, 0, 0, TimeSpan.FromHours(7))); // Tuesday 16:00
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
    }

    [Test]
    public async Task Should_wait_until_the_time_held_in_a_variable()
    {
        await PublishAsync(SampleDefinitions.WaitUntil);
        var at = Monday9.AddHours(30);
        var started = await StartAsync("wait-until", new { resumeAt = at.ToString("O") });
        Clock.Set(at.AddSeconds(-1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        Clock.Set(at);
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await Db.Instances.FindAsync(started.InstanceId))!.Outcome.ShouldBe("resumed");
    }

    [Test]
    public async Task Should_not_fire_while_the_instance_is_suspended()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        var started = await StartAsync("waiting");
        (await Runtime.SuspendAsync(started.InstanceId, "admin", "Tạm dừng")).Succeeded.ShouldBeTrue();
        Clock.Advance(TimeSpan.FromDays(7));
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        (await Runtime.ResumeAsync(started.InstanceId, "admin")).Succeeded.ShouldBeTrue();
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
    }

    [Test]
    public async Task Should_fire_each_timer_once_with_several_pollers()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        for (var i = 0; i < 30; i++) await StartAsync("waiting");
        Clock.Advance(TimeSpan.FromDays(3));
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = NewScope();
            return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<WorkflowRuntime>(scope.ServiceProvider).FireDueTimersAsync(1000);
        }));
        counts.Sum().ShouldBe(30);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'after'")).ShouldBe(30);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'TimerFired'")).ShouldBe(30);
    }
}
