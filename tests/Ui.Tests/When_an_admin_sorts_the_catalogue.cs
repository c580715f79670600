using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>The admin catalogue is sorted and paged by the database, not loaded whole into the page.</summary>
public sealed class When_an_admin_sorts_the_catalogue
{
    private UiHost _host = null!;
    private IPage? _admin;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [TearDown]
    public Task ShootFailure() => Pages.ShootIfFailedAsync(_admin);

    [Test]
    public async Task Should_list_the_procedures_in_the_databases_order_of_names_both_ways()
    {
        var admin = _admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/thu-tuc");
        var codes = admin.Locator("[data-testid=catalogue-row] td:first-child");
        await codes.First.WaitForAsync();

        var byName = await _host.Db(db => db.Procedures.OrderBy(p => p.Name).ThenBy(p => p.Code).Select(p => p.Code).Take(20).ToListAsync());
        await admin.Locator("[data-testid=catalogue-sort-name]").ClickAsync();
        await Assertions.Expect(codes).ToHaveTextAsync(byName.ToArray());

        var byNameDescending = await _host.Db(db => db.Procedures.OrderByDescending(p => p.Name).ThenBy(p => p.Code).Select(p => p.Code).Take(20).ToListAsync());
        await admin.Locator("[data-testid=catalogue-sort-name]").ClickAsync();
        await Assertions.Expect(codes).ToHaveTextAsync(byNameDescending.ToArray());
    }
}
