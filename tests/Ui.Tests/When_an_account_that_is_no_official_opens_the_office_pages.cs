using Api.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Ui.Tests;

/// <summary>
/// A commune leader signs in, and meanwhile is deactivated or their membership ends: the office pages look the official up
/// through the one "official or 403" lookup and say plainly that the account may not see them, instead of an empty page.
/// </summary>
public sealed class When_an_account_that_is_no_official_opens_the_office_pages
{
    private const string Retired = "ui.lanh-dao-nghi-huu", Refused = "Bạn không có quyền", NotInOffice = "Chỉ cán bộ đang công tác";
    private UiHost _host = null!;

    /// <summary>An official of their own (the sample's are shared by the other journeys): the Yên Sơn commune's deputy leader, with an account.</summary>
    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await UiHost.InstanceAsync();
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ProceduresDb>();
        if (await db.Officials.AnyAsync(o => o.UserName == Retired)) return;
        var leader = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.leader"))!;
        var commune = leader.Memberships.First(m => m.Roles.Contains(Role.UnitLeader)).UnitId;
        var id = Guid.CreateVersion7();
        db.Officials.Add(new Official
        {
            Id = id, UserName = Retired, FullName = "Hoàng Văn Hưu", Position = "Phó Chủ tịch",
            Memberships = [new Membership { Id = Guid.CreateVersion7(), OfficialId = id, UnitId = commune, Roles = [Role.DeputyLeader], EffectiveFrom = new(2020, 1, 1) }],
        });
        await db.SaveChangesAsync();
        var created = await sp.GetRequiredService<UserManager<Account>>().CreateAsync(new Account
        {
            Id = Guid.CreateVersion7(), UserName = Retired, Kind = AccountKind.Official, FullName = "Hoàng Văn Hưu", CreatedAt = DateTimeOffset.UtcNow,
        }, Pages.Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
    }

    /// <summary>Signs in while in office, then <paramref name="leave"/> changes the official record behind the open session.</summary>
    private async Task<IPage> SignedInThenAsync(Action<Official, DateOnly> leave)
    {
        await ChangeAsync((official, _) => { official.IsActive = true; official.Memberships.ForEach(m => m.EffectiveTo = null); });
        var page = await Browser.NewPageAsync(_host);
        await page.SignInAsync(Retired);
        await ChangeAsync(leave);
        return page;
    }

    private async Task ChangeAsync(Action<Official, DateOnly> change)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var official = await db.Officials.Include(o => o.Memberships).SingleAsync(o => o.UserName == Retired);
        change(official, scope.ServiceProvider.GetRequiredService<OfficialDirectory>().Today);
        await db.SaveChangesAsync();
    }

    private static void Deactivate(Official official, DateOnly _) => official.IsActive = false;

    private static async Task<string> RefusalAsync(IPage page)
    {
        var refusal = await page.Locator("[data-testid=refusal]").InnerTextAsync();
        refusal.ShouldContain(Refused);
        return refusal;
    }

    [Test]
    public async Task Should_refuse_the_leader_view_with_the_reason_once_the_official_is_deactivated()
    {
        var page = await SignedInThenAsync(Deactivate);
        await page.GoAsync("/can-bo/lanh-dao");

        (await RefusalAsync(page)).ShouldContain(NotInOffice);
        (await page.Locator("[data-testid=workload]").CountAsync()).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_the_leader_view_once_the_leaders_membership_has_ended()
    {
        var page = await SignedInThenAsync((official, today) => official.Memberships.ForEach(m => m.EffectiveTo = today.AddDays(-1)));
        await page.GoAsync("/can-bo/lanh-dao");

        (await RefusalAsync(page)).ShouldContain("Trang này dành cho lãnh đạo");
        (await page.Locator("[data-testid=workload]").CountAsync()).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_dossier_page_with_the_reason_once_the_official_is_deactivated()
    {
        var id = await Journeys.ReceivedDossierAsync(_host, "Đỗ Văn Kín");
        var page = await SignedInThenAsync(Deactivate);
        await page.GoAsync($"/can-bo/ho-so/{id}");

        (await RefusalAsync(page)).ShouldContain(NotInOffice);
        (await page.Locator("[data-testid=dossier-code]").CountAsync()).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_the_inbox_with_the_reason_once_the_official_is_deactivated()
    {
        var page = await SignedInThenAsync(Deactivate);
        await page.GoAsync("/can-bo/hop-thu");

        (await RefusalAsync(page)).ShouldContain(NotInOffice);
        (await page.Locator("[data-testid=inbox-table]").CountAsync()).ShouldBe(0);
    }
}
