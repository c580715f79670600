using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Ui.Tests;

/// <summary>
/// Phân quyền phụ trách and chỉ đạo in the browser, in Hàm Yên (the other journeys work in Yên Sơn): the unit admin puts the
/// economy section in charge of the business-line change, the commune leader directs a household-business dossier to a
/// specialist from its page and follows it in "Hồ sơ tôi chỉ đạo".
/// </summary>
public sealed class When_responsibility_is_assigned_and_a_leader_directs
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_put_a_section_in_charge_from_the_admin_page_after_showing_every_missing_field()
    {
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("hy.admin");
        await admin.GoAsync("/quan-tri/phu-trach");
        await admin.Locator("[data-testid=charge-form]").WaitForAsync();

        await admin.Locator("[data-testid=charge-send]").ClickAsync();
        await admin.Locator("text=Chọn phòng, ban được giao phụ trách.").WaitForAsync();
        (await admin.Locator("text=Chọn lĩnh vực.").CountAsync()).ShouldBe(1);

        await admin.PickAsync("charge-section", "Phòng Kinh tế xã Hàm Yên");
        await admin.Locator("[data-testid=charge-scope-kind] input[type=radio]").Nth(1).CheckAsync();
        await admin.PickAsync("charge-procedure", "2.000575");
        await admin.FillFieldAsync("charge-note", "Quyết định 15/QĐ-UBND");
        await admin.Locator("[data-testid=charge-send]").ClickAsync();

        // The sample province already puts this section in charge of two sectors: find the new procedure row.
        var row = admin.Locator("[data-testid=charge-row]", new() { HasText = "Phòng Kinh tế xã Hàm Yên" })
            .Filter(new() { HasText = "Thông báo thay đổi ngành, nghề kinh doanh" });
        var refused = admin.Locator("[data-testid=charge-form] [data-testid=error]");
        await row.Or(refused).First.WaitForAsync();
        (await refused.CountAsync()).ShouldBe(0, await refused.CountAsync() > 0 ? await refused.InnerTextAsync() : null);
        (await row.InnerTextAsync()).ShouldContain("Đang hiệu lực");
        await admin.ShotAsync("p1-responsibility-admin");
        var stored = await _host.Db(db => db.Database.SqlQueryRaw<string>(
            "SELECT coalesce(note, '') AS \"Value\" FROM procedures.responsibilities WHERE created_by = 'hy.admin'").ToListAsync());
        stored.ShouldContain("Quyết định 15/QĐ-UBND");
    }

    [Test]
    public async Task Should_let_the_commune_leader_direct_a_dossier_to_a_specialist_and_follow_it()
    {
        var (id, code) = await ReceivedAtHamYenAsync("Triệu Thị Chỉ Đạo");
        var leader = await Browser.NewPageAsync(_host);
        await leader.SignInAsync("hy.leader");
        await leader.GoAsync($"/can-bo/ho-so/{id}");
        var panel = leader.Locator("[data-testid=direction-panel]");
        await panel.WaitForAsync();

        await panel.Locator("[data-testid=direction-send]").ClickAsync();
        await panel.Locator("text=Vui lòng nhập ý kiến chỉ đạo.").WaitForAsync();

        await leader.PickAsync("direction-specialist", "Hà Văn Long", panel);
        await leader.FillFieldAsync("direction-instructions", "Kiểm tra thực tế địa điểm kinh doanh", panel);
        await panel.Locator("[data-testid=direction-send]").ClickAsync();
        await leader.Locator(".mud-snackbar", new() { HasText = "Đã gửi chỉ đạo." }).WaitForAsync();
        await leader.ShotAsync("p2-leader-direction");

        await leader.GoAsync("/can-bo/chi-dao");
        var row = leader.Locator("[data-testid=direction-row]", new() { HasText = code });
        await row.WaitForAsync();
        (await row.Locator("[data-testid=direction-target]").InnerTextAsync()).ShouldBe("Hà Văn Long");
        (await row.Locator("[data-testid=direction-state]").InnerTextAsync()).ShouldBe("Đang thực hiện");
        await leader.ShotAsync("p3-directed-by-me");
        (await _host.Db(db => db.DossierEvents.CountAsync(e => e.DossierId == id && e.Kind == "Directed" && e.Receiver == "hy.economy.specialist"))).ShouldBe(1);
    }

    private async Task<(Guid Id, string Code)> ReceivedAtHamYenAsync(string applicant)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Procedures.Persistence.ProceduresDb>();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("hy.clerk"))!;
        var unit = clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId;
        var result = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("hy.clerk", unit, procedure.Id,
            new ApplicantData(applicant, null, "0901000777", null, null), procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList()));
        result.Error.ShouldBeNull();
        return (result.Value!.DossierId, result.Value.Code);
    }
}
