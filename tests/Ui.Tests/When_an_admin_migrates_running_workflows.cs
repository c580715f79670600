using System.Text.Json.Nodes;
using Engine.Definitions;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// An administrator moves the running instances of a workflow's first version to its second, where their step was renamed:
/// from the versions page to the migration page, a dry run that names the unmapped step, the step mapped, a dry run that can
/// run, the migration with a reason, and its report. A workflow of its own, so the sample procedures keep their versions.
/// </summary>
public sealed class When_an_admin_migrates_running_workflows
{
    private const string Workflow = "migration-journey";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    private static string Yaml(int version, string stepId, string title) => $"""
        id: {Workflow}
        version: {version}
        title: Quy trình thử chuyển phiên bản
        inputs:
          - name: receivingUnit
            type: unit
            required: true
        steps:
          - id: {stepId}
            kind: human
            title: {title}
            role: clerk
            unit: $receivingUnit
            budget: 4h
            actions:
              - name: accept
                to: done
          - id: done
            kind: end
            outcome: approved
        """;

    /// <summary>Version 1 with two instances waiting at <c>check</c>, then version 2 where that step is <c>verify</c>.</summary>
    private async Task<IReadOnlyList<Guid>> TwoVersionsAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var store = sp.GetRequiredService<DefinitionStore>();
        (await store.SaveDraftAsync(Yaml(1, "check", "Kiểm tra hồ sơ"), "admin")).Error.ShouldBeNull();
        (await store.PublishAsync(Workflow, "admin")).Error.ShouldBeNull();
        var unit = await _host.Db(db => db.Units.Select(u => u.Id).FirstAsync());
        var engine = sp.GetRequiredService<WorkflowRuntime>();
        var instances = new List<Guid>();
        foreach (var key in new[] { "CPB-001", "CPB-002" })
        {
            var started = await engine.StartAsync(new StartInstance(Workflow, new JsonObject { ["receivingUnit"] = unit.ToString() }, BusinessKey: key));
            started.Error.ShouldBeNull();
            instances.Add(started.Value!.InstanceId);
        }
        (await store.SaveDraftAsync(Yaml(2, "verify", "Xác minh hồ sơ"), "admin")).Error.ShouldBeNull();
        (await store.PublishAsync(Workflow, "admin")).Error.ShouldBeNull();
        return instances;
    }

    [Test]
    public async Task Should_preview_map_the_renamed_step_migrate_with_a_reason_and_show_the_report()
    {
        var instances = await TwoVersionsAsync();
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/quy-trinh");
        await admin.Locator($"[data-testid=definition-item][data-id={Workflow}]").ClickAsync();
        await admin.Locator("[data-testid=definition-migrate]").ClickAsync();
        await admin.WaitForURLAsync($"**/quan-tri/quy-trinh/{Workflow}/chuyen-phien-ban");
        await admin.WaitForLiveAsync();

        // The step with no counterpart in version 2 offers version 2's steps of its kind; the end step keeps its id.
        var check = admin.Locator("[data-testid=mapping-row][data-step=check]");
        await check.Locator("[data-testid=mapping-target]").WaitForAsync();
        (await admin.Locator("[data-testid=mapping-row][data-step=done] [data-testid=mapping-same]").InnerTextAsync()).ShouldBe("done");

        await admin.Locator("[data-testid=migration-plan]").ClickAsync();
        await admin.Locator("[data-testid=migration-problems]").WaitForAsync();
        await Assertions.Expect(admin.Locator("[data-testid=migration-instance]")).ToHaveCountAsync(2);
        (await admin.Locator("[data-testid=instance-problem][data-path='steps[check]']").First.InnerTextAsync()).ShouldContain("map it");
        await Assertions.Expect(admin.Locator("[data-testid=migration-run]")).ToBeDisabledAsync();
        await admin.ShotAsync("m1-migration-problems");

        await admin.PickAsync("mapping-target", "Xác minh hồ sơ (verify)", check);
        await admin.Locator("[data-testid=migration-stale]").WaitForAsync();
        await admin.Locator("[data-testid=migration-plan]").ClickAsync();
        await admin.Locator("[data-testid=migration-can-run]").WaitForAsync();
        var changes = await admin.Locator("[data-testid=migration-instance]").First.Locator("[data-testid=instance-change]").AllInnerTextsAsync();
        changes.ShouldContain(c => c.Contains("Kiểm tra hồ sơ (check) → Xác minh hồ sơ (verify)"));
        await admin.ShotAsync("m2-migration-preview");

        await admin.Locator("[data-testid=migration-run]").ClickAsync();
        await admin.FillFieldAsync("repair-reason", "Bước kiểm tra được đổi thành xác minh theo quy chế mới");
        await admin.Locator("[data-testid=repair-confirm]").ClickAsync();
        await admin.Locator("[data-testid=migration-report]").WaitForAsync();
        (await admin.Locator("[data-testid=report-moved]").InnerTextAsync()).ShouldBe("Đã chuyển: 2");
        (await admin.Locator("[data-testid=report-refused]").InnerTextAsync()).ShouldBe("Từ chối: 0");
        await Assertions.Expect(admin.Locator("[data-testid=report-line][data-outcome=Moved]")).ToHaveCountAsync(2);
        await admin.ShotAsync("m3-migration-report");

        await using var scope = _host.App.Services.CreateAsyncScope();
        var engineQueries = scope.ServiceProvider.GetRequiredService<Engine.Queries.InstanceQueries>();
        foreach (var instance in instances) (await engineQueries.GetAsync(instance))!.Instance.Version.ShouldBe(2);
        var audited = await scope.ServiceProvider.GetRequiredService<Api.Persistence.ApiDb>().AuditEntries
            .Where(a => a.Action == "definition.migrate" && a.ResourceId == Workflow).Select(a => a.StatusCode).ToListAsync();
        audited.ShouldBe([200]);
    }
}
