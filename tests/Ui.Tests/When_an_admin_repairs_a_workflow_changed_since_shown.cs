using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Dossiers;

namespace Ui.Tests;

/// <summary>
/// The workflow repair page sends the revision of the dossier it showed: when the commune leader directs the dossier after the
/// page was shown, cancelling its work item is refused with the dossier page's stale message, nothing is cancelled, and the page
/// offers to reload; reloaded, the same repair goes through.
/// </summary>
public sealed class When_an_admin_repairs_a_workflow_changed_since_shown
{
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    private async Task<IReadOnlyList<WorkItemView>> OpenWorkAsync(Guid instance)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<WorkflowRepairQueries>().GetAsync(instance))!.Workflow.OpenWorkItems;
    }

    [Test]
    public async Task Should_refuse_a_repair_of_a_dossier_changed_since_the_page_showed_it_and_offer_to_reload()
    {
        var dossier = await Journeys.ReceivedDossierAsync(_host, "Đinh Thị Đã Đổi");
        var instance = await _host.Db(db => db.Dossiers.Where(d => d.Id == dossier).Select(d => d.WorkflowInstanceId!.Value).SingleAsync());
        var item = (await OpenWorkAsync(instance)).Single();
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync($"/quan-tri/quy-trinh-ho-so/{instance}");
        await admin.Locator("[data-testid=open-work-item][data-step=assign]").WaitForAsync();

        await Journeys.DirectedToTheSectionAsync(_host, dossier);
        await admin.Locator("[data-testid=work-cancel]").ClickAsync();
        await admin.FillFieldAsync("repair-reason", "Giao nhầm đơn vị");
        await admin.Locator("[data-testid=repair-confirm]").ClickAsync();

        (await admin.Locator("[data-testid=instance-stale-message]").InnerTextAsync())
            .ShouldBe("Hồ sơ đã được người khác cập nhật sau khi bạn tải; vui lòng tải lại rồi thực hiện lại.");
        (await OpenWorkAsync(instance)).Select(w => w.Id).ShouldBe([item.Id]);
        (await _host.Db(db => db.DossierEvents.Where(e => e.DossierId == dossier).Select(e => e.Kind).ToListAsync())).ShouldNotContain("WorkflowRepaired");
        await Assertions.Expect(admin.Locator("[data-testid=cancelled-work-item]")).ToHaveCountAsync(0);
        await admin.ShotAsync("r4-workflow-repair-stale");

        await admin.Locator("[data-testid=instance-reload]").ClickAsync();
        await Assertions.Expect(admin.Locator("[data-testid=instance-stale]")).ToHaveCountAsync(0);
        await admin.Locator("[data-testid=work-cancel]").ClickAsync();
        await admin.FillFieldAsync("repair-reason", "Giao nhầm đơn vị");
        await admin.Locator("[data-testid=repair-confirm]").ClickAsync();
        await admin.Locator("[data-testid=cancelled-work-item]").WaitForAsync();
        (await OpenWorkAsync(instance)).ShouldBeEmpty();
    }
}
