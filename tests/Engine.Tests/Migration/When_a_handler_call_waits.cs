using Engine.Hosting;
using Engine.Runtime;
using Engine.VersionMigration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Migration;

/// <summary>An instance whose automatic step has scheduled a handler call that has not run yet waits at that step.</summary>
public sealed class When_a_handler_call_waits : MigrationTest
{
    private sealed class Stamp : IStepHandler
    {
        public ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct)
        {
            context.Variables["stamped"] = context.StepId;
            return ValueTask.CompletedTask;
        }
    }

    protected override void Configure(IServiceCollection services) => services.AddWorkflowHandler<Stamp>("stamp");

    private const string Stamping = """
        id: permit
        version: 1
        title: Stamped permit
        steps:
          - id: receive
            kind: human
            role: clerk
            budget: 1h
            actions:
              - name: accept
                to: stamp
          - id: stamp
            kind: automatic
            handler: stamp
            next: sign
          - id: sign
            kind: human
            role: leader
            budget: 1d
            actions:
              - name: sign
                to: done
          - id: done
            kind: end
            outcome: done
        """;

    [Test]
    public async Task Should_move_the_pending_call_to_the_mapped_step_and_run_it_there()
    {
        await PublishAsync(Stamping);
        await PublishAsync(Stamping.Replace("id: stamp", "id: seal").Replace("to: stamp", "to: seal").Replace("role: leader", "role: chairman"));
        var started = await StartAsync("permit", version: 1);
        await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");

        var report = await MigrateAsync(Request(new Dictionary<string, string> { ["stamp"] = "seal" }));

        report.Instances.Single().Changes.Select(c => (c.Kind, c.From, c.To)).ShouldBe([
            (MigrationChangeKind.TokenStep, "stamp", "seal"), (MigrationChangeKind.TimerStep, "stamp", "seal")]);
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await ScalarAsync($"SELECT variables ->> 'stamped' FROM engine.instances WHERE id = '{started.InstanceId}'")).ShouldBe("seal");
        (await ScalarAsync($"SELECT role FROM engine.work_items WHERE instance_id = '{started.InstanceId}' AND status = 'Open'")).ShouldBe("chairman");
    }

    [Test]
    public async Task Should_refuse_a_step_that_no_longer_calls_a_handler()
    {
        await PublishAsync(Stamping);
        await PublishAsync(Stamping.Replace("handler: stamp", "set:\n      stamped: by-hand"));
        var started = await StartAsync("permit", version: 1);
        await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");

        var result = await Migration.MigrateAsync(Request());

        result.Error!.Message.ShouldBe($"steps[stamp]: A handler call waits at 'stamp', but 'stamp' of version 2 calls no handler. (instance {started.InstanceId})");
    }
}
