using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Ui.Tests;

/// <summary>
/// The leader's "waiting for me" list is paged by the database: 250 dossiers received at Hàm Yên wait for the head of its economic
/// section (no other journey signs in as her), and every one of them is on exactly one page.
/// </summary>
public sealed class When_a_leader_pages_through_a_long_waiting_list
{
    private const int Seeded = 250, PageSize = 50;
    private UiHost _host = null!;
    private readonly HashSet<string> _codes = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await UiHost.InstanceAsync();
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var procedure = await sp.GetRequiredService<Procedures.Persistence.ProceduresDb>().Procedures.AsNoTracking().Include(p => p.RequiredDocuments)
            .SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("hy.clerk"))!;
        var unit = clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId;
        var documents = procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList();
        for (var i = 1; i <= Seeded; i++)
        {
            await using var each = _host.App.Services.CreateAsyncScope();
            var result = await each.ServiceProvider.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("hy.clerk", unit, procedure.Id,
                new ApplicantData($"Người chờ số {i}", null, "0901000666", null, null), documents));
            result.Error.ShouldBeNull(result.Error?.MessageVi);
            _codes.Add(result.Value!.Code);
        }
    }

    [Test]
    public async Task Should_show_every_waiting_step_once_across_the_pages()
    {
        var head = await Browser.NewPageAsync(_host);
        await head.SignInAsync("hy.economy.section-head");
        await head.GoAsync("/can-bo/lanh-dao");
        var rows = head.Locator("[data-testid=waiting] [data-testid=waiting-open]");
        await rows.First.WaitForAsync();
        var total = int.Parse(await head.Locator("[data-testid=waiting-total]").InnerTextAsync());
        total.ShouldBeGreaterThanOrEqualTo(Seeded);
        var pages = (total + PageSize - 1) / PageSize;
        await head.ShotAsync("w1-leader-waiting-page-1");

        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            if (page > 1)
            {
                var firstBefore = await rows.First.InnerTextAsync();
                await head.Locator("[data-testid=waiting-pager] button", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{page}$") }).ClickAsync();
                // The page has changed once the server has sent other rows.
                await Assertions.Expect(rows.First).Not.ToHaveTextAsync(firstBefore);
            }
            var count = await rows.CountAsync();
            count.ShouldBe(page < pages ? PageSize : total - (pages - 1) * PageSize, $"rows on page {page}");
            seen.AddRange(await rows.AllInnerTextsAsync());
        }
        await head.ShotAsync("w2-leader-waiting-last-page");

        seen.Count.ShouldBe(total);
        seen.Distinct().Count().ShouldBe(total, "no step is on two pages");
        _codes.Except(seen).ShouldBeEmpty("every seeded dossier is on a page");
    }
}
