using Engine.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;
using Tests.Shared;

namespace Ui.Tests;

/// <summary>
/// A message of a dossier's workflow that could not be published is parked by the app's dispatcher; the administrator sees the
/// count in the menu, reads the message with its dossier, error and content, replays it with a reason (the workflow's history
/// says so) and discards another that is not needed.
/// </summary>
public sealed class When_an_admin_handles_parked_messages
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    private async Task<(Guid Instance, string Code)> DossierAsync(string name)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var procedure = await sp.GetRequiredService<Procedures.Persistence.ProceduresDb>().Procedures.Include(p => p.RequiredDocuments).SingleAsync(p => p.Code == "2.000720");
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var received = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("ys.clerk", clerk.Memberships.First(m => m.Roles.Contains(Role.Clerk)).UnitId,
            procedure.Id, new ApplicantData(name, null, "0901000888", null, null), procedure.RequiredDocuments.Select(d => new HandedDocument(d.Id)).ToList()));
        received.Error.ShouldBeNull();
        return (await _host.Db(db => db.Dossiers.Where(d => d.Id == received.Value!.DossierId).Select(d => d.WorkflowInstanceId!.Value).SingleAsync()), received.Value!.Code);
    }

    /// <summary>A poisoned row of the instance, once the app's own dispatcher has parked it.</summary>
    private async Task ParkedAsync(Guid instance)
    {
        var services = _host.App.Services;
        var id = await PoisonedMessages.AddAsync(services.GetRequiredService<NpgsqlDataSource>(), instance, services.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxAttempts);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            if ((await scope.ServiceProvider.GetRequiredService<ParkedMessages>().ListAsync(0, 500)).Any(m => m.Id == id)) return;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Outbox message {id} was not parked.");
            await Task.Delay(200);
        }
    }

    private static async Task ResolveAsync(IPage page, ILocator row, string button, string reason, string done)
    {
        await row.Locator($"[data-testid={button}]").ClickAsync();
        await page.FillFieldAsync("repair-reason", reason);
        await page.Locator("[data-testid=repair-confirm]").ClickAsync();
        await page.Locator(".mud-snackbar", new() { HasText = done }).Last.WaitForAsync();
    }

    [Test]
    public async Task Should_show_the_parked_messages_then_replay_one_and_discard_another_with_reasons()
    {
        var (instance, code) = await DossierAsync("Lý Thị Giữ Lại");
        var (other, otherCode) = await DossierAsync("Mạc Văn Bỏ Qua");
        await ParkedAsync(instance);
        await ParkedAsync(other);

        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/tin-nhan-ket");
        int.Parse(await admin.Locator("[data-testid=menu-parked-count]").InnerTextAsync()).ShouldBeGreaterThanOrEqualTo(2);
        var row = admin.Locator("[data-testid=parked-table] tr", new() { HasText = code });
        (await row.Locator("[data-testid=parked-error]").InnerTextAsync()).ShouldContain("cannot be read as WorkItemOpened");
        (await row.InnerTextAsync()).ShouldContain("Công việc mới được giao");
        await row.Locator("summary").ClickAsync();
        (await row.Locator("[data-testid=parked-payload]").InnerTextAsync()).ShouldContain("not-a-guid");
        await admin.ShotAsync("r4-parked-messages");

        await ResolveAsync(admin, row, "parked-replay", "Đã sửa dữ liệu của tin nhắn", "Đã đưa tin nhắn vào hàng đợi để gửi lại.");
        await Assertions.Expect(admin.Locator("[data-testid=parked-table] tr", new() { HasText = code })).ToHaveCountAsync(0);
        var otherRow = admin.Locator("[data-testid=parked-table] tr", new() { HasText = otherCode });
        await ResolveAsync(admin, otherRow, "parked-discard", "Thông báo đã gửi bằng điện thoại", "Đã bỏ tin nhắn.");
        await Assertions.Expect(admin.Locator("[data-testid=parked-table] tr", new() { HasText = otherCode })).ToHaveCountAsync(0);

        await admin.GoAsync($"/quan-tri/quy-trinh-ho-so/{instance}");
        var entry = admin.Locator("[data-testid=history-entry][data-kind=MessageReplayed]");
        (await entry.InnerTextAsync()).ShouldContain("Gửi lại tin nhắn bị giữ lại");
        (await entry.InnerTextAsync()).ShouldContain("Đã sửa dữ liệu của tin nhắn");
    }
}
