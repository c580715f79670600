using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>Each administration page shows the sample data to the system administrator, and its forms name the field they refuse.</summary>
public sealed class When_an_admin_opens_the_administration
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

    [Test]
    public async Task Should_show_the_unit_tree_and_a_selected_units_details()
    {
        var shop = await _host.Db(db => db.Units.Where(u => u.Code == "001.01.31.H29").Select(u => u.Name).SingleAsync());
        await _admin.GoAsync("/quan-tri/don-vi");
        var node = _admin.Locator("[data-testid=unit-tree] .mud-treeview-item-content", new() { HasText = shop }).First;
        await node.ClickAsync();
        (await _admin.Locator("[data-testid=unit-detail] h2").InnerTextAsync()).ShouldBe(shop);

        // A child without a code is refused under the code field, which the message names.
        await _admin.Locator("[data-testid=child-create]").ClickAsync();
        await _admin.Locator("[data-testid=unit-child] .mud-input-helper-text.mud-input-error", new() { HasText = "Mã đơn vị" }).WaitForAsync();
        await _admin.ShotAsync("c5-unit-tree");
    }

    [Test]
    public async Task Should_list_the_officials_of_a_unit_with_their_roles()
    {
        await _admin.GoAsync("/quan-tri/can-bo");
        await _admin.PickAsync("officials-unit", "001.01.31.H29");
        await _admin.Locator("[data-testid=official-row]", new() { HasText = "ys.clerk" }).ClickAsync();
        (await _admin.Locator("[data-testid=official-memberships]").InnerTextAsync()).ShouldContain("Cán bộ tiếp nhận");
        await _admin.ShotAsync("c6-officials");
    }

    [Test]
    public async Task Should_show_the_year_with_its_holidays()
    {
        await _admin.GoAsync("/quan-tri/lich");
        var year = await _admin.Locator("input[data-testid=calendar-year], [data-testid=calendar-year] input").InputValueAsync();
        await _admin.Locator($"[data-testid=calendar-entry][data-date='{year}-09-02']").WaitForAsync();
        (await _admin.Locator("[data-testid=calendar-working-days]").InnerTextAsync()).ShouldContain("ngày làm việc");
        await _admin.ShotAsync("c7-calendar");
    }

    [Test]
    public async Task Should_preview_a_message_template_with_sample_data()
    {
        await _admin.GoAsync("/quan-tri/mau-tin-nhan");
        await _admin.Locator("[data-testid=template-row]").First.ClickAsync();
        await _admin.Locator("[data-testid=template-preview]").ClickAsync();
        (await _admin.Locator("[data-testid=template-preview-text]").InnerTextAsync()).ShouldNotContain("{{");
        await _admin.ShotAsync("c8-templates");
    }

    [Test]
    public async Task Should_list_procedures_and_open_one_for_editing()
    {
        await _admin.GoAsync("/quan-tri/thu-tuc");
        await _admin.FillFieldAsync("catalogue-filter", "2.000720");
        await _admin.Locator("[data-testid=catalogue-row]", new() { HasText = "2.000720" }).ClickAsync();
        (await _admin.Locator("input[data-testid=procedure-name], [data-testid=procedure-name] input").InputValueAsync()).ShouldNotBeEmpty();
        await _admin.ShotAsync("c9-catalogue");
    }

    [Test]
    public async Task Should_open_the_delivery_log_with_a_failed_message_and_its_error()
    {
        // A message the SMS gateway refused for good, as the dispatcher records it.
        var recipient = "09120" + Random.Shared.Next(10000, 99999);
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Worker.Notifications.NotificationsDb>();
            var now = DateTimeOffset.UtcNow;
            db.Add(new Worker.Delivery.DeliveryRecord
            {
                Id = Guid.NewGuid(), DedupeKey = $"ui-test:{recipient}", Event = "dossier-received", Channel = Worker.Channels.MessageChannel.Sms,
                Recipient = recipient, Subject = "", Body = "Hồ sơ đã được tiếp nhận", Status = Worker.Delivery.DeliveryStatus.Failed, Attempts = 5,
                LastError = "Nhà mạng từ chối số thuê bao", NextAttemptAt = now.AddYears(1), CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        await _admin.GoAsync("/quan-tri/nhat-ky-gui");
        await _admin.PickAsync("delivery-status", "Tất cả");
        await _admin.FillFieldAsync("delivery-filter", recipient);
        var row = _admin.Locator("[data-testid=delivery-table] tbody tr", new() { HasText = recipient });
        await row.WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain("Nhà mạng từ chối số thuê bao");
        (await row.Locator("[data-testid=delivery-retry]").CountAsync()).ShouldBe(1);
        await _admin.ShotAsync("c10-delivery-log");
    }
}
