using Engine.Definitions;
using Engine.Hosting;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tests.Shared;

namespace Engine.Tests.Crashes;

/// <summary>
/// Found by trying the engine: handlers ran inside the transition's transaction, so <c>kill -9</c> of the poller inside a
/// slow handler made the call run twice with nothing to tell the two apart. Now the call runs after commit with an
/// idempotency key: a second node repeats it after the first one's lease runs out, with the same key, and the registry
/// registers once.
/// </summary>
[NonParallelizable]
public sealed class When_a_node_is_killed_in_the_middle_of_a_handler_call
{
    private const string Definition = """
        id: registers
        version: 1
        title: Registers the citizen in another agency's registry
        steps:
          - id: register
            kind: automatic
            handler: call-registry
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

    [Test]
    public async Task Should_call_again_with_the_same_key_once_the_lease_runs_out_and_register_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("engine_crash");
        await using var services = new ServiceCollection().AddLogging().AddWorkflowEngine(connectionString)
            .AddWorkflowHandler<NoHandler>("call-registry").BuildServiceProvider();
        await services.MigrateWorkflowEngineAsync();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        (await store.SaveDraftAsync(Definition, "admin")).Error.ShouldBeNull();
        (await store.PublishAsync("registers", "admin")).Error.ShouldBeNull();

        await using var registry = new FakeRegistry { HoldFirstCall = true };
        var settings = new Dictionary<string, string>
        {
            ["Node:ConnectionString"] = connectionString, ["Node:RegistryUrl"] = registry.Url, ["Engine:Timers:HandlerLease"] = "00:00:03",
        };
        var first = await EngineNodeProcess.StartAsync(settings);
        var started = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(new StartInstance("registers", BusinessKey: "HS-1"));
        started.Error.ShouldBeNull();
        await registry.FirstCall.WaitAsync(TimeSpan.FromSeconds(30));
        await first.KillAsync();

        await using var second = await EngineNodeProcess.StartAsync(settings);
        await WaitUntilAsync(connectionString, "SELECT count(*) FROM engine.work_items WHERE step_id = 'sign' AND status = 'Open'", 1, second);

        registry.Calls.Count.ShouldBe(2);
        registry.Calls.Distinct().Count().ShouldBe(1);
        registry.Registered.Count.ShouldBe(1);
        (await CountAsync(connectionString, "SELECT count(*) FROM engine.history WHERE kind = 'Automatic' AND from_step = 'register'")).ShouldBe(1);
        (await CountAsync(connectionString, "SELECT count(*) FROM engine.instances WHERE variables ->> 'registryNumber' = 'R-1'")).ShouldBe(1);
        (await CountAsync(connectionString, "SELECT count(*) FROM engine.incidents")).ShouldBe(0);
        await first.DisposeAsync();
    }

    /// <summary>The test process only starts instances; the nodes call the registry.</summary>
    private sealed class NoHandler : IStepHandler
    {
        public ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct) => throw new InvalidOperationException("Not in the test process.");
    }

    private static async Task WaitUntilAsync(string connectionString, string sql, long expected, EngineNodeProcess node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await CountAsync(connectionString, sql) != expected)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Not done within 60 s. Node output:\n{node.Output}");
            await Task.Delay(100);
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
