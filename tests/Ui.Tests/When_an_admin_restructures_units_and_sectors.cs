using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Organisation;

namespace Ui.Tests;

/// <summary>The administration pages for what used to be API-only: sectors, unit types, moving and ending a unit (consequences first).</summary>
public sealed class When_an_admin_restructures_units_and_sectors
{
    private UiHost _host = null!;
    private IPage _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await UiHost.InstanceAsync();
        _admin = await Browser.NewPageAsync(_host);
        await _admin.SignInAsync("admin");
    }

    [TearDown]
    public Task ShootFailure() => Pages.ShootIfFailedAsync(_admin);

    [Test]
    public async Task Should_add_a_sector_and_find_it_in_the_filtered_list()
    {
        var code = "UT-" + Random.Shared.Next(10000, 99999);
        await _admin.GoAsync("/quan-tri/linh-vuc");
        await _admin.FillFieldAsync("sector-code-input", code);
        await _admin.FillFieldAsync("sector-name-input", "Lĩnh vực thử " + code);
        await _admin.Locator("[data-testid=sector-save]").ClickAsync();

        await _admin.FillFieldAsync("sector-filter", code);
        // The new sector already shows in the unfiltered list after saving: the filter has run on the server once it is the only row.
        await Assertions.Expect(_admin.Locator("[data-testid=sector-code]")).ToHaveTextAsync([code]);
        (await _host.Db(db => db.Sectors.SingleAsync(s => s.Code == code))).Name.ShouldBe("Lĩnh vực thử " + code);
    }

    [Test]
    public async Task Should_refuse_a_sector_without_a_name_under_the_name_field()
    {
        await _admin.GoAsync("/quan-tri/linh-vuc");
        await _admin.FillFieldAsync("sector-code-input", "UT-NONAME");
        await _admin.Locator("[data-testid=sector-save]").ClickAsync();
        await _admin.Locator("[data-testid=sector-form] .mud-input-helper-text.mud-input-error").WaitForAsync();
        (await _host.Db(db => db.Sectors.AnyAsync(s => s.Code == "UT-NONAME"))).ShouldBeFalse();
    }

    [Test]
    public async Task Should_move_a_unit_and_end_another_showing_what_each_touches_first()
    {
        var sample = await _host.Db(db => db.Units.SingleAsync(u => u.Code == "001.01.31.H29"));
        var target = await _host.Db(db => db.Units.FirstAsync(u => u.ParentId == sample.ParentId && u.Id != sample.Id && u.EffectiveTo == null));
        var suffix = Random.Shared.Next(10, 99);
        var prefix = $"{Random.Shared.Next(900, 999)}.{Random.Shared.Next(10, 99)}.{suffix}";
        var moving = await CreateAsync($"{prefix}.T01", "Tổ thử chuyển " + prefix, sample);
        var ending = await CreateAsync($"{prefix}.T02", "Tổ thử kết thúc " + prefix, sample);

        await _admin.GoAsync("/quan-tri/don-vi");
        await _admin.Locator("[data-testid=unit-tree] .mud-treeview-item-content", new() { HasText = moving.Name }).First.ClickAsync();
        await _admin.Locator("[data-testid=unit-detail]", new() { HasText = moving.Code }).WaitForAsync();
        await _admin.PickAsync("move-parent", target.Code);
        await _admin.Locator("[data-testid=move-preview]").ClickAsync();
        (await _admin.Locator("[data-testid=consequence-subtree]").InnerTextAsync()).ShouldContain("1");
        (await _host.Db(db => db.Units.SingleAsync(u => u.Id == moving.Id))).ParentId.ShouldBe(sample.Id, "nothing moves before the confirmation");
        await _admin.Locator("[data-testid=unit-change-confirm]").ClickAsync();
        await Until(async () => (await _host.Db(db => db.Units.SingleAsync(u => u.Id == moving.Id))).ParentId == target.Id);
        await _admin.Locator("[data-testid=unit-consequences]").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await _admin.Locator("[data-testid=unit-tree] .mud-treeview-item-content", new() { HasText = ending.Name }).First.ClickAsync();
        await _admin.Locator("[data-testid=unit-detail]", new() { HasText = ending.Code }).WaitForAsync();
        await _admin.FillFieldAsync("end-date", "2099-12-31");
        await _admin.Locator("[data-testid=end-preview]").ClickAsync();
        (await _admin.Locator("[data-testid=consequence-dossiers]").InnerTextAsync()).ShouldContain("0");
        await _admin.Locator("[data-testid=consequence-statistics]").WaitForAsync();
        (await _host.Db(db => db.Units.SingleAsync(u => u.Id == ending.Id))).EffectiveTo.ShouldBeNull("nothing ends before the confirmation");
        await _admin.Locator("[data-testid=unit-change-confirm]").ClickAsync();
        await Until(async () => (await _host.Db(db => db.Units.SingleAsync(u => u.Id == ending.Id))).EffectiveTo == new DateOnly(2099, 12, 31));
    }

    private async Task<UnitView> CreateAsync(string code, string name, Unit parent)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var actor = (await scope.ServiceProvider.GetRequiredService<OfficialDirectory>().FindAsync("admin"))!;
        var result = await scope.ServiceProvider.GetRequiredService<CreateUnitHandler>().HandleAsync(actor, new CreateUnit(code, name, parent.TypeCode, parent.Id));
        result.Error.ShouldBeNull(result.Error?.MessageVi);
        return result.Value!;
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the change was not stored within 15 s");
            await Task.Delay(100);
        }
    }
}
