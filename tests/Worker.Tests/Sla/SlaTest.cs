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

    /// <summary>
    /// Opens one work item, then <paramref name="count"/> more on its instance, due one second apart from 26 Feb 2026 09:00 (the
    /// unit's section A): a burst that falls due at once.
    /// </summary>
    protected async Task OpenDueBurstAsync(int count)
    {
        await OpenWorkItemAsync();
        await ExecuteAsync("""
            WITH i AS (SELECT instance_id FROM engine.work_items LIMIT 1)
            INSERT INTO engine.work_items (id, instance_id, token_id, definition_id, step_id, title, role, unit_id, status, created_at, due_at, revision)
            SELECT gen_random_uuid(), i.instance_id, gen_random_uuid(), 'sla-check', 'appraise', 'Burst', 'specialist', $1, 'Open',
                   $2, $3 + g * interval '1 second', 0
            FROM i, generate_series(1, $4) g
            """, Province.SectionA.Id.ToString(), At(2026, 2, 20, 9, 0), At(2026, 2, 26, 9, 0), count);
        await ExecuteAsync("ANALYZE engine.work_items");
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
