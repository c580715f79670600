using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// The online journey that the processing and the signing journeys both walk up to the signing step: the citizen submits procedure
/// 2.000720 to the Yên Sơn one-stop shop, the clerk receives it, the section head assigns it, the specialist appraises it and the
/// section head approves it, each on their own page.
/// </summary>
public static class OnlineJourney
{
    public const string Citizen = "an.nguyen@demo.example", Applicant = "Nguyễn Văn An";
    private const string Head = "ys.economy.section-head", Specialist = "ys.economy.specialist";

    /// <summary>
    /// The citizen's submission from the procedure's page to the "sent" page; <paramref name="shots"/> takes the journey's screenshots
    /// on the way; <paramref name="scansAttached"/> runs once the scans are attached, before the applicant's details are filled in.
    /// </summary>
    public static async Task<Guid> SubmitAsync(UiHost host, IPage citizen, string idNumber, string phone, bool shots = false,
        Func<IPage, Task>? scansAttached = null)
    {
        var procedure = await Journeys.ProcedureAsync(host);
        var shop = await host.Db(db => db.Units.Where(u => u.Code == "001.01.31.H29").Select(u => u.Name).SingleAsync());
        await citizen.SignInAsync(Citizen);
        await citizen.GoAsync($"/thu-tuc/{procedure}");
        if (shots) await citizen.ShotAsync("a1-procedure-page");
        await citizen.Locator("[data-testid=submit-online]").ClickAsync();
        await citizen.WaitForURLAsync(u => u.Contains("/cong-dan/nop-ho-so/", StringComparison.Ordinal));
        await citizen.WaitForLiveAsync();
        await citizen.ChooseUnitAsync(shop);
        await citizen.AttachScansAsync("submit-file", "giay-to", "%PDF-1.5\nban scan\n");
        if (scansAttached is not null) await scansAttached(citizen);
        await citizen.FillFieldAsync("applicant-name", Applicant);
        await citizen.FillFieldAsync("applicant-id", idNumber);
        await citizen.FillFieldAsync("applicant-phone", phone);
        await citizen.Locator("[data-testid=submit-review]").ClickAsync();
        await citizen.Locator("[data-testid=submit-summary]").WaitForAsync();
        (await citizen.Locator("[data-testid=submit-summary]").InnerTextAsync()).ShouldContain(Applicant);
        if (shots) await citizen.ShotAsync("a2-summary-before-sending");
        await citizen.Locator("[data-testid=submit-send]").ClickAsync();
        return await citizen.WaitForSubmissionSentAsync();
    }

    /// <summary>
    /// Reception, assignment, appraisal (with <paramref name="registrationNumber"/>) and approval of the submission <paramref name="id"/>:
    /// the dossier then waits at the signing step. <paramref name="headSignedIn"/> runs once the section head is signed in, before
    /// they open the dossier (with its code); <paramref name="clerkOpened"/> runs once the clerk has the submission's page open, before
    /// receiving it (and may leave the page: the clerk opens it again). The clerk's page is returned for the return of the result.
    /// </summary>
    public static async Task<(IPage Clerk, string Code)> ApproveAsync(UiHost host, Guid id, string registrationNumber,
        Func<IPage, string, Task>? headSignedIn = null, Func<IPage, Task>? clerkOpened = null)
    {
        var clerk = await Browser.NewPageAsync(host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync($"/can-bo/ho-so/{id}");
        if (clerkOpened is not null)
        {
            await clerkOpened(clerk);
            await clerk.GoAsync($"/can-bo/ho-so/{id}");
        }
        await clerk.RunActionAsync("receive-online");
        var code = await host.DossierCodeAsync(id);
        (await clerk.Locator("[data-testid=dossier-code]").InnerTextAsync()).ShouldBe(code);

        var head = await Browser.NewPageAsync(host);
        await head.SignInAsync(Head);
        if (headSignedIn is not null) await headSignedIn(head, code);
        await head.GoAsync($"/can-bo/ho-so/{id}");
        await head.RunActionAsync("assign", p => head.PickAsync("assign-specialist", Specialist, p));

        var specialist = await Browser.NewPageAsync(host);
        await specialist.SignInAsync(Specialist);
        await specialist.GoAsync($"/can-bo/ho-so/{id}");
        await specialist.RunActionAsync("submit", async p =>
        {
            await specialist.FillFieldAsync("field-registrationNumber", registrationNumber, p);
            await specialist.FillFieldAsync("action-comment", "Đủ điều kiện cấp đăng ký", p);
        });

        await head.GoAsync($"/can-bo/ho-so/{id}");
        await head.RunActionAsync("approve");
        return (clerk, code);
    }
}
