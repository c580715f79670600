using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Ui.Tests;

/// <summary>What several journeys set up: a dossier received at the Yên Sơn counter, a page in English, the first procedure of the catalogue.</summary>
public static class Journeys
{
    /// <summary>A dossier received complete at the commune's counter by <c>ys.clerk</c>, waiting for the section head to assign it.</summary>
    public static async Task<Guid> ReceivedDossierAsync(UiHost host, string applicant)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Procedures.Persistence.ProceduresDb>();
        var procedure = await db.Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var unit = clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId;
        var result = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("ys.clerk", unit, procedure.Id,
            new ApplicantData(applicant, "001085012345", "0901000888", null, null), procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList()));
        result.Error.ShouldBeNull();
        return result.Value!.DossierId;
    }

    /// <summary>
    /// The commune leader (<c>ys.leader</c>) directs the dossier to the economy section through the use case, as if from another
    /// page: its revision moves on, its assignment step stays open.
    /// </summary>
    public static async Task DirectedToTheSectionAsync(UiHost host, Guid dossier)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var head = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.economy.section-head"))!;
        var section = head.Memberships.First(m => m.Roles.Contains(Role.SectionHead)).UnitId;
        var directed = await sp.GetRequiredService<DirectDossierHandler>().HandleAsync(new DirectDossier(dossier, "ys.leader", section, null, "Phòng Kinh tế xử lý"));
        directed.Error.ShouldBeNull(directed.Error?.MessageVi);
    }

    public static Task<Guid> ProcedureAsync(UiHost host, string code = "2.000720") =>
        host.Db(db => db.Procedures.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    /// <summary>Switches the page's person to English with the language button, as a user does.</summary>
    public static async Task ToEnglishAsync(this IPage page)
    {
        await page.GoAsync("/");
        await page.Locator("button.lang-link[lang=en]").ClickAsync();
        await page.Locator("button.lang-link[lang=vi]").WaitForAsync();
    }

    /// <summary>Opens a page: the sign-in page is rendered on the server only (no live connection to wait for), the others are live.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        if (path.StartsWith("/dang-nhap", StringComparison.Ordinal)) await page.GotoAsync(path);
        else await page.GoAsync(path);
    }

    /// <summary>The page's visible text, once it is live and nothing is loading.</summary>
    public static async Task<string> VisibleTextAsync(this IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator(".mud-progress-linear").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 }).ContinueWith(_ => { });
        return await page.Locator("body").InnerTextAsync();
    }
}
