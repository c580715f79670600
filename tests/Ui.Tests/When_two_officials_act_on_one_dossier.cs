using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Ui.Tests;

/// <summary>
/// The dossier page sends the revision it shows with every action: the second of two pages opened on the same dossier gets the
/// stale message instead of acting on what the first one changed.
/// </summary>
public sealed class When_two_officials_act_on_one_dossier
{
    private const string Head = "ys.economy.section-head", Specialist = "ys.economy.specialist";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    /// <summary>A dossier received at the commune's counter, assigned and appraised: waiting for the section head's review.</summary>
    private async Task<Guid> DossierUnderReviewAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var procedure = await sp.GetRequiredService<Procedures.Persistence.ProceduresDb>().Procedures.Include(p => p.RequiredDocuments)
            .SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var received = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("ys.clerk",
            clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId, procedure.Id, new ApplicantData("Trần Thị Hai Trang", null, "0901000777"),
            procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList()));
        var id = received.Value!.DossierId;
        (await sp.GetRequiredService<AssignDossierHandler>().HandleAsync(new AssignDossier(id, Head, Specialist))).Error.ShouldBeNull();
        (await sp.GetRequiredService<SubmitAppraisalHandler>().HandleAsync(new SubmitAppraisal(id, Specialist, "Đủ điều kiện",
            Fields: new Dictionary<string, string> { ["registrationNumber"] = "31A8000777" }))).Error.ShouldBeNull();
        return id;
    }

    [Test]
    public async Task Should_show_the_stale_message_on_the_page_that_acts_second()
    {
        var id = await DossierUnderReviewAsync();
        var first = await Browser.NewPageAsync(_host);
        await first.SignInAsync(Head);
        await first.GoAsync($"/can-bo/ho-so/{id}");
        var second = await Browser.NewPageAsync(_host);
        await second.SignInAsync(Head);
        await second.GoAsync($"/can-bo/ho-so/{id}");
        await second.Locator("[data-testid='action-send-back']").WaitForAsync();

        await first.RunActionAsync("approve");
        var panel = second.Locator("[data-testid='action-send-back']");
        await second.FillFieldAsync("action-comment", "Bổ sung căn cứ pháp lý", panel);
        await panel.Locator("[data-testid='action-go']").ClickAsync();

        var error = panel.Locator("[data-testid=error]");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldContain("người khác cập nhật");
        (await _host.Db(db => db.DossierEvents.Where(e => e.DossierId == id).Select(e => e.Kind).ToListAsync())).ShouldNotContain("SentBack");
    }
}
