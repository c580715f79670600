using System.Collections.Concurrent;
using Engine.Hosting;
using Engine.Runtime;
using Engine.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: handlers ran inside the transition's transaction, holding the instance lock, so a poller
/// killed inside a slow handler made the call run twice. Handlers now run after commit, keyed by an idempotency key.
/// </summary>
public sealed class When_a_handler_calls_another_system : EngineTest
{
    /// <summary>The other agency's registry: counts calls and does the work once per idempotency key.</summary>
    public sealed class Registry
    {
        public ConcurrentQueue<Guid> Calls { get; } = new();
        public ConcurrentDictionary<Guid, int> Effects { get; } = new();
        public int FailuresLeft;
        public TaskCompletionSource? Hold;
    }

    private sealed class RegisterCitizen(Registry registry) : IStepHandler
    {
        public async ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct)
        {
            registry.Calls.Enqueue(context.IdempotencyKey);
            if (registry.Hold is { } hold) await hold.Task;
            if (Interlocked.Decrement(ref registry.FailuresLeft) >= 0) throw new TimeoutException("The registry timed out.");
            registry.Effects.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n);
            context.Variables["registryNumber"] = "R-42";
            context.Messages.Add(new OutboxMessage("citizen-registered", new System.Text.Json.Nodes.JsonObject { ["number"] = "R-42" }));
        }
    }

    private Registry _registry = null!;

    protected override void Configure(IServiceCollection services)
    {
        _registry = new Registry(); // the fixture object is shared by its tests: one registry per test
        services.AddSingleton(_registry);
        services.AddWorkflowHandler<RegisterCitizen>("register-citizen");
        services.Configure<TimerOptions>(o => (o.BaseDelay, o.HandlerLease) = (TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)));
    }

    private const string Registers = """
        id: registers
        version: 1
        title: Registers the citizen in another agency's registry
        steps:
          - id: receive
            kind: human
            role: clerk
            budget: 1h
            actions:
              - name: accept
                to: register
          - id: register
            kind: automatic
            handler: register-citizen
            outputs: [registryNumber]
            next: sign
          - id: sign
            kind: human
            role: unit-leader
            budget: 1d
            actions:
              - name: sign
                to: done
          - id: done
            kind: end
            outcome: done
        """;

    [SetUp]
    public Task Publish() => PublishAsync(Registers);

    [Test]
    public async Task Should_call_it_after_the_transition_committed_and_then_move_on_with_its_result()
    {
        var started = await StartAsync("registers");
        var accepted = await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");

        accepted.ActiveSteps.ShouldBe(["register"]);
        _registry.Calls.ShouldBeEmpty();
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'HandlerScheduled'")).ShouldBe(1);

        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        _registry.Calls.Count.ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'sign' AND status = 'Open'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.instances WHERE variables ->> 'registryNumber' = 'R-42'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'citizen-registered'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_retry_a_failed_call_with_the_same_key_and_do_the_work_once()
    {
        _registry.FailuresLeft = 2;
        var started = await StartAsync("registers");
        await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        for (var i = 0; i < 3; i++)
        {
            await Runtime.FireDueTimersAsync();
            Clock.Advance(TimeSpan.FromMinutes(5));
        }
        _registry.Calls.Count.ShouldBe(3);
        _registry.Calls.Distinct().Count().ShouldBe(1);
        _registry.Effects.Values.Sum().ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'sign' AND status = 'Open'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.incidents WHERE status = 'Resolved' AND attempts = 2")).ShouldBe(1);
    }

    [Test]
    public async Task Should_let_another_poller_take_over_a_call_cut_off_and_apply_the_result_once()
    {
        var started = await StartAsync("registers");
        await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        _registry.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuck = Task.Run(async () =>
        {
            await using var scope = NewScope();
            return await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync();
        });
        await WaitUntilAsync(() => _registry.Calls.Count == 1);

        // No lock is held while the registry answers: the instance can be read and locked meanwhile.
        (await CountAsync($"SELECT 1 FROM engine.instances WHERE id = '{started.InstanceId}' FOR UPDATE NOWAIT")).ShouldBe(1);
        Clock.Advance(TimeSpan.FromMinutes(6)); // the first poller's lease runs out, as when its process was killed
        var hold = _registry.Hold;
        _registry.Hold = null;
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        hold.SetResult();
        (await stuck).ShouldBe(0); // it finds its lease taken over and writes nothing

        _registry.Calls.Count.ShouldBe(2);
        _registry.Calls.Distinct().Count().ShouldBe(1);
        _registry.Effects.Values.Sum().ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'sign'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'Automatic' AND from_step = 'register'")).ShouldBe(1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The condition did not hold within 20 s.");
            await Task.Delay(20);
        }
    }
}
