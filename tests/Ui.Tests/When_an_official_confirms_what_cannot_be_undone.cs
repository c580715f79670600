using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>Retiring a workflow and refusing a dossier ask first, in a dialog whose go button is in the error colour; cancelling changes nothing.</summary>
public sealed class When_an_official_confirms_what_cannot_be_undone
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_ask_before_retiring_a_workflow_and_leave_it_in_force_when_cancelled()
    {
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/quy-trinh");
        await admin.Locator("[data-testid=definition-item][data-id=birth-registration]").ClickAsync();
        await admin.Locator("[data-testid=definition-detail][data-id=birth-registration]").WaitForAsync();
        var id = await admin.Locator("[data-testid=definition-detail]").GetAttributeAsync("data-id");
        var retire = admin.Locator("[data-testid=definition-retire]");
        (await retire.GetAttributeAsync("class"))!.ShouldContain("mud-button-outlined-error");
        await retire.ClickAsync();

        var dialog = admin.Locator("[data-testid=confirm-dialog]");
        await dialog.WaitForAsync();
        (await dialog.Locator("[data-testid=confirm-message]").InnerTextAsync()).ShouldContain("Ngừng áp dụng quy trình");
        (await admin.Locator("[data-testid=confirm-go]").GetAttributeAsync("class"))!.ShouldContain("mud-button-filled-error");
        await admin.ShotAsync("d1-confirm-retire");
        await admin.Locator("[data-testid=confirm-cancel]").ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        (await admin.Locator("[data-testid=definition-retire]").CountAsync()).ShouldBe(1); // still in force: it can still be retired
        id.ShouldBe("birth-registration");
    }

    [Test]
    public async Task Should_ask_before_refusing_at_the_counter_and_write_nothing_when_cancelled()
    {
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync("/can-bo/tiep-nhan");
        await clerk.PickProcedureAtCounterAsync("2.000720");
        await clerk.FillFieldAsync("applicant-name", "Lý Văn Từ Chối");
        await clerk.GetByText("Từ chối tiếp nhận").ClickAsync();
        await clerk.FillFieldAsync("reception-reason", "Không thuộc thẩm quyền của xã");
        var receive = clerk.Locator("[data-testid=receive]");
        (await receive.GetAttributeAsync("class"))!.ShouldContain("mud-button-filled-error");
        var before = await _host.Db(db => db.Dossiers.CountAsync());
        await receive.ClickAsync();

        var dialog = clerk.Locator("[data-testid=confirm-dialog]");
        await dialog.WaitForAsync();
        (await dialog.InnerTextAsync()).ShouldContain("Từ chối hồ sơ này?");
        await clerk.ShotAsync("d2-confirm-refusal");
        await clerk.Keyboard.PressAsync("Escape");
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await _host.Db(db => db.Dossiers.CountAsync())).ShouldBe(before);
        (await clerk.Locator("[data-testid=receipt]").CountAsync()).ShouldBe(0);
    }
}
