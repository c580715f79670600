using Engine.Runtime;
using Engine.VersionMigration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Migration;

/// <summary>
/// Base for migration tests: a building permit whose version 1 has a human step with a deadline rule, a timer and a
/// consultation split; each test publishes the version 2 it needs by editing that text, as an author would.
/// </summary>
public abstract class MigrationTest : EngineTest
{
    protected const string Reason = "Quy trình mới theo Quyết định 123/QĐ-UBND";

    protected const string PermitV1 = """
        id: permit
        version: 1
        title: Building permit
        inputs:
          - name: unit
            type: unit
        steps:
          - id: receive
            kind: human
            title: Receive the dossier
            role: clerk
            unit: $unit
            budget: 1d
            onOverdue:
              - do: remind
            actions:
              - name: accept
                to: review
              - name: hold
                to: cool-off
              - name: consult
                to: consult
          - id: cool-off
            kind: timer
            duration: 2d
            next: review
          - id: review
            kind: human
            title: Review
            role: section-head
            budget: 2d
            actions:
              - name: approve
                to: approved
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
          - id: approved
            kind: end
            outcome: approved
        """;

    private AsyncServiceScope _scope;

    protected InstanceMigration Migration => _scope.ServiceProvider.GetRequiredService<InstanceMigration>();

    [SetUp]
    public void OpenScope() => _scope = NewScope();

    [TearDown]
    public async Task CloseScope() => await _scope.DisposeAsync();

    /// <summary>Version 1 as written, then version 2 edited from it.</summary>
    protected async Task PublishBothAsync(Func<string, string> edit)
    {
        await PublishAsync(PermitV1);
        await PublishAsync(edit(PermitV1));
    }

    protected static MigrationRequest Request(IReadOnlyDictionary<string, string>? mapping = null, IReadOnlyList<Guid>? ids = null,
        int from = 1, int to = 2) => new("permit", from, to, mapping, ids, "admin", Reason);

    protected Task<TransitionResult> AtReceiveAsync() => StartAsync("permit", new { unit = "unit-1" }, version: 1);

    protected async Task<TransitionResult> AtReviewAsync() => await CompleteAsync((await AtReceiveAsync()).OpenedWorkItems[0].Id, "accept", "clerk-1");

    protected async Task<TransitionResult> AtCoolOffAsync() => await CompleteAsync((await AtReceiveAsync()).OpenedWorkItems[0].Id, "hold", "clerk-1");

    /// <summary>An instance consulting both agencies; the tax office has replied when <paramref name="taxReplied"/>.</summary>
    protected async Task<TransitionResult> InSplitAsync(bool taxReplied)
    {
        var split = await CompleteAsync((await AtReceiveAsync()).OpenedWorkItems[0].Id, "consult", "clerk-1");
        if (taxReplied) await CompleteAsync(split.OpenedWorkItems.Single(w => w.StepId == "tax-opinion").Id, "reply", "tax-1");
        return split;
    }

    protected async Task<MigrationReport> MigrateAsync(MigrationRequest request)
    {
        var result = await Migration.MigrateAsync(request);
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    protected async Task<MigrationPlan> PlanAsync(MigrationRequest request)
    {
        var result = await Migration.PlanAsync(request);
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    protected async Task<string> ScalarAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Rows in every engine table, and the sum of their revisions: what a write of any kind would change.</summary>
    protected async Task<string> EverythingAsync() => await ScalarAsync(
        "SELECT concat_ws(' ', (SELECT count(*) FROM engine.definitions), (SELECT count(*) || '/' || sum(revision) || '/' || string_agg(definition_version::text, ',' ORDER BY id) FROM engine.instances), " +
        "(SELECT count(*) || '/' || sum(revision) || '/' || string_agg(step_id || role, ',' ORDER BY id) FROM engine.work_items), " +
        "(SELECT count(*) || '/' || string_agg(status || step_id, ',' ORDER BY id) FROM engine.timers), (SELECT count(*) FROM engine.history), " +
        "(SELECT count(*) FROM engine.outbox), (SELECT count(*) FROM engine.incidents), (SELECT count(*) FROM engine.processed_messages))");
}
