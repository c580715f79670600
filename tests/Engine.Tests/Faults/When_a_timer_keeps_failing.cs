using Engine.Hosting;
using Engine.Runtime;
using Engine.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: a handler that throws, or a 101-character assignee that broke the work-item insert (22001),
/// made the poller claim the same earliest timer every 5 s for ever, and no other timer fired. Now each failure waits
/// with backoff and ends as an incident, while every other timer fires on time.
/// </summary>
public sealed class When_a_timer_keeps_failing : EngineTest
{
    private sealed class BrokenRegistry : IStepHandler
    {
        public ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct) =>
            throw new InvalidOperationException("The registry of the other agency did not answer.");
    }

    protected override void Configure(IServiceCollection services)
    {
        services.AddWorkflowHandler<BrokenRegistry>("call-registry");
        services.Configure<TimerOptions>(o => (o.MaxAttempts, o.BaseDelay, o.MaxDelay) = (3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10)));
    }

    private const string CallsRegistry = """
        id: calls-registry
        version: 1
        title: Asks another agency's registry
        steps:
          - id: call
            kind: automatic
            handler: call-registry
            next: done
          - id: done
            kind: end
            outcome: done
        """;

    private const string WaitsThenAssigns = """
        id: waits-then-assigns
        version: 1
        title: Waits, then opens a step for an assignee
        inputs:
          - name: who
            type: user
        steps:
          - id: wait
            kind: timer
            duration: 1d
            next: work
          - id: work
            kind: human
            role: specialist
            assignee: $who
            budget: 1d
            actions:
              - name: done
                to: done
          - id: done
            kind: end
            outcome: done
        """;

    [SetUp]
    public async Task Publish()
    {
        await PublishAsync(CallsRegistry);
        await PublishAsync(WaitsThenAssigns);
        await PublishAsync(SampleDefinitions.Waiting);
    }

    [Test]
    public async Task Should_fire_a_hundred_other_timers_on_time_while_a_throwing_handler_and_an_over_long_value_become_incidents()
    {
        var failing = await StartAsync("calls-registry");
        var tooLong = await StartAsync("waits-then-assigns", new { who = new string('m', 101) });
        for (var i = 0; i < 100; i++) await StartAsync("waiting");
        Clock.Advance(TimeSpan.FromDays(3));

        (await Runtime.FireDueTimersAsync(500)).ShouldBe(100);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'after' AND status = 'Open'")).ShouldBe(100);
        (await CountAsync("SELECT count(*) FROM engine.incidents WHERE status = 'Retrying' AND attempts = 1")).ShouldBe(2);

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            (await Runtime.FireDueTimersAsync(500)).ShouldBe(0); // both wait for their backoff
            Clock.Advance(TimeSpan.FromMinutes(10));
            (await Runtime.FireDueTimersAsync(500)).ShouldBe(0);
        }

        await ShouldHaveAnOpenIncidentAsync(failing.InstanceId, "call", "Handler", "did not answer");
        await ShouldHaveAnOpenIncidentAsync(tooLong.InstanceId, "wait", "Step", "longer than 100 characters");
        (await CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Failed'")).ShouldBe(2);
        Clock.Advance(TimeSpan.FromDays(1));
        (await Runtime.FireDueTimersAsync(500)).ShouldBe(0); // parked: not claimed again
    }

    private async Task ShouldHaveAnOpenIncidentAsync(Guid instance, string step, string kind, string error)
    {
        (await CountAsync($"SELECT count(*) FROM engine.incidents WHERE instance_id = '{instance}' AND status = 'Open' AND attempts = 3 " +
            $"AND step_id = '{step}' AND kind = '{kind}' AND error LIKE '%{error}%' AND first_seen_at < last_seen_at")).ShouldBe(1);
        (await CountAsync($"SELECT count(*) FROM engine.history WHERE instance_id = '{instance}' AND kind = 'IncidentOpened' AND from_step = '{step}'")).ShouldBe(1);
        (await CountAsync($"SELECT count(*) FROM engine.instances WHERE id = '{instance}' AND status = 'Running'")).ShouldBe(1);
    }
}
