using Engine.Incidents;
using Engine.Runtime;
using Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;
using Tests.Shared;

namespace Ui.Tests;

/// <summary>
/// An administrator finds a stuck dossier among the workflow incidents, opens its workflow, resolves the incident and moves the
/// path on, then suspends the workflow (the officials see why on the dossier page) and resumes it; every step asks for a reason.
/// </summary>
public sealed class When_an_admin_repairs_a_dossiers_workflow
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    /// <summary>A dossier waiting at <c>assign</c> whose workflow has an open incident: a timer whose path is gone failed its last attempt.</summary>
    private async Task<(Guid Dossier, string Code)> StuckDossierAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var procedure = await sp.GetRequiredService<Procedures.Persistence.ProceduresDb>().Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var received = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("ys.clerk", clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId,
            procedure.Id, new ApplicantData("Đinh Văn Kẹt", null, "0901000777", null, null), procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList()));
        received.Error.ShouldBeNull();
        var instance = await _host.Db(db => db.Dossiers.Where(d => d.Id == received.Value!.DossierId).Select(d => d.WorkflowInstanceId!.Value).SingleAsync());
        await BrokenTimers.AddAsync(sp.GetRequiredService<NpgsqlDataSource>(), instance, "assign", sp.GetRequiredService<IOptions<TimerOptions>>().Value.MaxAttempts);
        await sp.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync();
        // The app's own poller may have taken the timer: wait until the incident is open.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await sp.GetRequiredService<Incidents>().ListAsync(new IncidentFilter { InstanceId = instance, Status = IncidentStatus.Open })).Total == 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The incident did not open.");
            await Task.Delay(200);
        }
        return (received.Value!.DossierId, received.Value.Code);
    }

    private static async Task RepairAsync(IPage page, string button, string reason)
    {
        await page.Locator($"[data-testid={button}]").First.ClickAsync();
        await page.FillFieldAsync("repair-reason", reason);
        await page.Locator("[data-testid=repair-confirm]").ClickAsync();
        await page.Locator(".mud-snackbar", new() { HasText = "Đã thực hiện" }).Last.WaitForAsync();
    }

    [Test]
    public async Task Should_resolve_the_incident_move_the_path_on_then_suspend_and_resume_with_the_officials_told()
    {
        var (dossier, code) = await StuckDossierAsync();
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/su-co");
        var row = admin.Locator("[data-testid=incident-table] tr", new() { HasText = code });
        (await row.Locator("[data-testid=incident-error]").InnerTextAsync()).ShouldContain("no longer matches");
        (await row.InnerTextAsync()).ShouldContain("Ủy ban nhân dân xã Yên Sơn");
        await admin.ShotAsync("r1-workflow-incidents");

        await row.Locator("[data-testid=incident-instance]").ClickAsync();
        await admin.Locator("[data-testid=instance-incident]").WaitForAsync();
        (await admin.Locator("[data-testid=instance-dossier]").InnerTextAsync()).ShouldBe(code);
        await RepairAsync(admin, "incident-resolve", "Hẹn giờ sai do điều chỉnh dữ liệu; chuyển hồ sơ sang bước kiểm tra");
        await Assertions.Expect(admin.Locator("[data-testid=instance-incident]")).ToHaveCountAsync(0);

        await admin.Locator("[data-testid=instance-path][data-step=assign] [data-testid=path-move]").ClickAsync();
        await admin.PickAsync("move-target", "(review)");
        await admin.FillFieldAsync("repair-reason", "Lãnh đạo phòng đã phân công bằng văn bản giấy");
        await admin.Locator("[data-testid=repair-confirm]").ClickAsync();
        await admin.Locator("[data-testid=open-work-item][data-step=review]").WaitForAsync();
        await Assertions.Expect(admin.Locator("[data-testid=history-entry]").First).ToHaveAttributeAsync("data-kind", "WorkItemOpened");

        await RepairAsync(admin, "instance-suspend", "Chờ kết luận thanh tra");
        (await admin.Locator("[data-testid=instance-suspended]").InnerTextAsync()).ShouldContain("Chờ kết luận thanh tra");
        await admin.EvaluateAsync("window.scrollTo(0, 0)");
        await admin.ShotAsync("r2-workflow-instance");

        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync("ys.economy.section-head");
        await head.GoAsync($"/can-bo/ho-so/{dossier}");
        (await head.Locator("[data-testid=workflow-suspended]").InnerTextAsync()).ShouldBe("Quy trình của hồ sơ đang tạm dừng: Chờ kết luận thanh tra");
        await head.ShotAsync("r3-dossier-suspended");

        await RepairAsync(admin, "instance-resume", "Đã có kết luận thanh tra");
        await Assertions.Expect(admin.Locator("[data-testid=instance-status]")).ToHaveTextAsync("Đang chạy");
        await head.GoAsync($"/can-bo/ho-so/{dossier}");
        await head.Locator("[data-testid=dossier-code]").WaitForAsync();
        (await head.Locator("[data-testid=workflow-suspended]").CountAsync()).ShouldBe(0);
        (await head.Locator("[data-testid=timeline]").InnerTextAsync()).ShouldContain("Tạm dừng quy trình");
    }
}
