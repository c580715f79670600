using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;
using Worker.Sla;

namespace Ui.Tests;

/// <summary>
/// Two dossiers' open work items are parked by the SLA sweep's own parking (their alerts could not be computed); the
/// administrator sees the count in the menu and the list with dossier code, error and due time, retries one (its parked mark
/// is gone, so the next sweep takes it again) and dismisses the other with a reason.
/// </summary>
public sealed class When_an_admin_handles_parked_sla_alerts
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    private NpgsqlDataSource DataSource => _host.App.Services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>Receives a dossier at the counter and parks its open work item as the sweep would; returns the item and the code.</summary>
    private async Task<(Guid Item, string Code)> ParkedAsync(string name)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var procedure = await sp.GetRequiredService<Procedures.Persistence.ProceduresDb>().Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var received = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("ys.clerk", clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId,
            procedure.Id, new ApplicantData(name, null, "0901000777", null, null), procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList()));
        received.Error.ShouldBeNull();
        var instance = await _host.Db(db => db.Dossiers.Where(d => d.Id == received.Value!.DossierId).Select(d => d.WorkflowInstanceId!.Value).SingleAsync());
        await using var read = DataSource.CreateCommand("SELECT id, due_at FROM engine.work_items WHERE instance_id = $1 AND status = 'Open' AND due_at IS NOT NULL LIMIT 1");
        read.Parameters.Add(new() { Value = instance });
        await using var r = await read.ExecuteReaderAsync();
        (await r.ReadAsync()).ShouldBeTrue();
        var (item, due) = (r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1));
        var subject = new SlaSubject(item, SlaSubject.WorkItem, "x", received.Value!.Code, received.Value.DossierId, null, null, null, due, due, new HashSet<string>());
        await SlaParking.ParkAsync(DataSource, subject, new InvalidOperationException($"Lịch của đơn vị hỏng ({name})"), DateTimeOffset.UtcNow, default);
        return (item, received.Value.Code);
    }

    private async Task<long> RowsAsync(Guid item, string threshold)
    {
        await using var cmd = DataSource.CreateCommand("SELECT count(*) FROM notifications.sla_alerts WHERE subject_id = $1 AND threshold = $2");
        cmd.Parameters.Add(new() { Value = item });
        cmd.Parameters.Add(new() { Value = threshold });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Should_list_the_parked_alerts_then_retry_one_and_dismiss_another()
    {
        var (item, code) = await ParkedAsync("Phan Thị Cảnh Báo");
        var (other, otherCode) = await ParkedAsync("Phan Văn Bỏ Qua");

        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/canh-bao-tam-dung");
        int.Parse(await admin.Locator("[data-testid=menu-parked-sla-count]").InnerTextAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var row = admin.Locator("[data-testid=sla-parked-table] tr", new() { HasText = code });
        (await row.Locator("[data-testid=sla-parked-error]").InnerTextAsync()).ShouldContain("Lịch của đơn vị hỏng (Phan Thị Cảnh Báo)");
        (await row.Locator("[data-testid=sla-parked-dossier]").GetAttributeAsync("href")).ShouldStartWith("/quan-tri/quy-trinh-ho-so/");
        await admin.ShotAsync("d3-parked-sla-alerts");

        await row.Locator("[data-testid=sla-parked-retry]").ClickAsync();
        await admin.Locator(".mud-snackbar", new() { HasText = "Đã bỏ tạm dừng 1 đối tượng" }).Last.WaitForAsync();
        await Assertions.Expect(admin.Locator("[data-testid=sla-parked-table] tr", new() { HasText = code })).ToHaveCountAsync(0);
        (await RowsAsync(item, Thresholds.Parked)).ShouldBe(0);

        var otherRow = admin.Locator("[data-testid=sla-parked-table] tr", new() { HasText = otherCode });
        await otherRow.Locator("[data-testid=sla-parked-dismiss]").ClickAsync();
        await admin.FillFieldAsync("repair-reason", "Đã nhắc cán bộ qua điện thoại");
        await admin.Locator("[data-testid=repair-confirm]").ClickAsync();
        await admin.Locator(".mud-snackbar", new() { HasText = "Đã bỏ qua cảnh báo." }).Last.WaitForAsync();
        await Assertions.Expect(admin.Locator("[data-testid=sla-parked-table] tr", new() { HasText = otherCode })).ToHaveCountAsync(0);
        (await RowsAsync(other, Thresholds.Dismissed)).ShouldBe(1);
    }
}
