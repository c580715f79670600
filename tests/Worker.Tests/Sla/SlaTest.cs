using System.Text.Json.Nodes;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Worker.Sla;
using Worker.Tests.Notifications;

namespace Worker.Tests.Sla;

/// <summary>Work items from a real workflow (one 2-day specialist step in section A), sweeps run as Hangfire would run them.</summary>
public abstract class SlaTest : NotificationsTest
{
    protected const string Definition = """
        id: sla-check
        version: 1
        title: Thẩm định
        inputs:
          - name: unit
            required: true
        steps:
          - id: appraise
            kind: human
            title: Thẩm định hồ sơ
            role: specialist
            unit: $unit
            budget: 2d
            actions:
              - name: done
                to: finished
          - id: finished
            kind: end
            outcome: approved
        """;

    protected Province Province { get; private set; } = null!;

    [SetUp]
    public async Task SeedProvince()
    {
        Province = await Province.SeedAsync(Services);
        await PublishAsync(Definition);
    }

    /// <summary>Opens the step now; returns the work item id.</summary>
    protected async Task<Guid> OpenWorkItemAsync(string businessKey = "000.01.31.H29-260303-0001")
    {
        await using var scope = Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(
            new StartInstance("sla-check", new JsonObject { ["unit"] = Province.SectionA.Id.ToString() }, BusinessKey: businessKey));
        started.Error.ShouldBeNull();
        return started.Value!.OpenedWorkItems[0].Id;
    }

    protected Task<SweepReport> SweepAsync() => With<SlaSweep, SweepReport>(s => s.RunAsync());

    /// <summary>Several sweepers at the same moment, each on its own scope and connection, as several worker processes would.</summary>
    protected async Task SweepConcurrentlyAsync(int sweepers) =>
        await Task.WhenAll(Enumerable.Range(0, sweepers).Select(_ => Task.Run(SweepAsync)));

    /// <summary>Every notification written so far, as "recipient kind", in a stable order.</summary>
    protected async Task<List<string>> InboxAsync()
    {
        var rows = new List<string>();
        await using var command = DataSource.CreateCommand("SELECT recipient || ' ' || kind FROM notifications.inbox ORDER BY kind, recipient");
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }
}
