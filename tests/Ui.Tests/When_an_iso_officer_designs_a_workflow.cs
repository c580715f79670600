using Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// The workflow designer: a new procedure drawn on the canvas, checked as it is drawn, test-run over a weekend, saved as a draft and
/// published; and a library procedure opened, one budget changed, saved, and compared with exactly that change.
/// </summary>
public sealed class When_an_iso_officer_designs_a_workflow
{
    private const string NewWorkflow = "cap-phep-thu-nghiem";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_draw_check_test_run_save_and_publish_a_new_procedure()
    {
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/quy-trinh/thiet-ke");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Thiết kế quy trình" }).WaitForAsync();

        await admin.FillFieldAsync("designer-id", NewWorkflow);
        await admin.FillFieldAsync("designer-title", "Cấp phép thử nghiệm");
        await admin.FillFieldAsync("designer-limit", "5d");

        // Five human steps, one parallel consultation (its join comes with it) and an end.
        await HumanAsync(admin, "step-1", "Tiếp nhận hồ sơ", "(clerk)", "1");
        await admin.Locator("[data-testid=palette][data-kind=split]").ClickAsync();
        await Node(admin, "join-1").WaitForAsync();
        await HumanAsync(admin, "step-2", "Ý kiến cơ quan thuế", "(consulted-officer)", "2");
        await HumanAsync(admin, "step-3", "Ý kiến UBND phường", "(consulted-officer)", "1");
        await HumanAsync(admin, "step-4", "Lãnh đạo quyết định", "(unit-leader)", "1");
        await HumanAsync(admin, "step-5", "Trả kết quả", "(clerk)", "1");
        await admin.Locator("[data-testid=palette][data-kind=end]").ClickAsync();
        await Node(admin, "end-1").WaitForAsync();

        // Routes drawn from each step's connector to the next step; the ward's opinion is left unconnected for now.
        foreach (var (from, to) in new[] { ("step-1", "consult-1"), ("consult-1", "step-2"), ("step-2", "join-1"), ("step-3", "join-1"),
                     ("join-1", "step-4"), ("step-4", "step-5"), ("step-5", "end-1") })
            await ConnectAsync(admin, from, to);
        await admin.Locator("[data-testid=designer-layout]").ClickAsync();

        // The unconnected step is marked on the canvas and named in the problems, in Vietnamese.
        await admin.Locator("[data-testid=designer-node][data-step='step-3'][data-problems='1']").WaitForAsync();
        var unreachable = admin.Locator("[data-testid=designer-problem][data-step='step-3']");
        (await unreachable.InnerTextAsync()).ShouldContain("không đi tới được bước 'step-3'");
        await admin.ShotAsync("d1-designer-problem-on-a-step");

        await ConnectAsync(admin, "consult-1", "step-3");
        await admin.Locator("[data-testid=designer-valid]").WaitForAsync();
        (await admin.Locator("[data-testid=designer-node][data-step='step-3']").GetAttributeAsync("data-problems")).ShouldBe("0");
        (await admin.Locator("[data-testid=designer-longest]").GetAttributeAsync("data-total")).ShouldBe("5d");

        // Dragging a step moves it (its place on the canvas, whatever the page's scroll), and undo puts it back.
        var end = Node(admin, "end-1");
        var place = end.Locator("rect");
        var x = await place.GetAttributeAsync("x");
        var box = await end.BoundingBoxAsync();
        box.ShouldNotBeNull();
        await admin.Mouse.MoveAsync(box.X + 20, box.Y + 20);
        await admin.Mouse.DownAsync();
        await admin.Mouse.MoveAsync(box.X + 220, box.Y + 60, new() { Steps = 6 });
        await admin.Mouse.UpAsync();
        const string endPlace = "[data-testid=designer-node][data-step='end-1'] rect";
        await admin.WaitForFunctionAsync("([selector, x]) => parseFloat(document.querySelector(selector).getAttribute('x')) > x",
            new object[] { endPlace, double.Parse(x!, System.Globalization.CultureInfo.InvariantCulture) + 150 });
        var moved = double.Parse((await place.GetAttributeAsync("x"))!, System.Globalization.CultureInfo.InvariantCulture);
        moved.ShouldBeGreaterThan(double.Parse(x!, System.Globalization.CultureInfo.InvariantCulture) + 150);
        await admin.Locator("[data-testid=designer-undo]").ClickAsync();
        await admin.Locator($"[data-testid=designer-node][data-step='end-1'] rect[x='{x}']").WaitForAsync();
        await admin.Locator("[data-testid=designer-redo]").ClickAsync();
        await admin.Locator($"[data-testid=designer-node][data-step='end-1'] rect[x='{moved.ToString(System.Globalization.CultureInfo.InvariantCulture)}']").WaitForAsync();

        // A test run from Friday afternoon: the first day's budget ends on Monday, the appointment is the next Friday at closing time.
        await admin.Locator("[data-testid=trial-received]").FillAsync("2026-12-04T14:00");
        await admin.Locator("[data-testid=trial-received]").BlurAsync();
        await admin.Locator("[data-testid=trial-run]").ClickAsync();
        var first = admin.Locator("[data-testid=trial-step][data-step='step-1'] [data-testid=trial-due]");
        (await first.InnerTextAsync()).ShouldStartWith("Thứ Hai 07/12/2026");
        (await admin.Locator("[data-testid=trial-appointment]").InnerTextAsync()).ShouldContain("Thứ Sáu 11/12/2026 17:00");
        (await admin.Locator("[data-testid=trial-step]").CountAsync()).ShouldBe(8);
        await admin.ShotAsync("d2-designer-valid-and-test-run");

        await admin.Locator("[data-testid=designer-save]").ClickAsync();
        var saved = admin.Locator("[data-testid=designer-saved]");
        await saved.WaitForAsync();
        (await saved.GetAttributeAsync("data-version")).ShouldBe("1");
        (await saved.InnerTextAsync()).ShouldContain("Đã lưu");

        // The draft is the one a YAML upload makes: the definitions page lists it, and publishing it makes it current.
        await admin.GoAsync("/quan-tri/quy-trinh");
        await admin.Locator($"[data-testid=definition-item][data-id='{NewWorkflow}']").ClickAsync();
        await admin.Locator($"[data-testid=definition-detail][data-id='{NewWorkflow}']").WaitForAsync();
        await admin.Locator("[data-testid=definition-publish]").ClickAsync();
        await admin.Locator("[data-testid=confirm-go]").ClickAsync();
        await admin.Locator("[data-testid=current-version]", new() { HasText = "1" }).WaitForAsync();

        await using (var command = _host.App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "SELECT is_published, source_yaml FROM engine.definitions WHERE definition_id = $1 AND is_latest"))
        {
            command.Parameters.AddWithValue(NewWorkflow);
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).ShouldBeTrue();
            reader.GetBoolean(0).ShouldBeTrue();
            var sourceYaml = reader.GetString(1);
            sourceYaml.ShouldContain("branches:");
            sourceYaml.ShouldContain("\nlayout:\n");
        }
        await using var scope = _host.App.Services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<Engine.Definitions.DefinitionStore>().GetAsync(NewWorkflow);
        published!.FindStep("consult-1")!.Branches.Select(b => b.Start).ShouldBe(["step-2", "step-3"]);
        published.FindStep("step-2")!.Role.ShouldBe("consulted-officer");
        published.FindStep("step-2")!.Budget.ToString().ShouldBe("2d");
    }

    [Test]
    public async Task Should_change_one_budget_of_a_library_procedure_and_compare_exactly_that_change()
    {
        const string workflow = "death-registration";
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync($"/quan-tri/quy-trinh/{workflow}/thiet-ke");
        await Node(admin, "process").ClickAsync();
        var panel = admin.Locator("[data-testid=designer-step-panel][data-step='process']");
        await panel.WaitForAsync();
        (await admin.FieldValueAsync("step-budget")).ShouldBe("3");
        await admin.FillFieldAsync("step-budget", "4");
        await admin.Locator("[data-testid=designer-node][data-step='process'] text.budget", new() { HasText = "4h" }).WaitForAsync();
        await admin.ShotAsync("d3-designer-library-procedure");

        await admin.Locator("[data-testid=designer-save]").ClickAsync();
        await admin.Locator("[data-testid=designer-saved]").WaitForAsync();

        await admin.GoAsync("/quan-tri/quy-trinh");
        await admin.Locator($"[data-testid=definition-item][data-id='{workflow}']").ClickAsync();
        var budget = admin.Locator("[data-testid=diff-row][data-path='steps[process].budget']");
        await budget.WaitForAsync();
        (await budget.InnerTextAsync()).ShouldContain("4h");
        var changed = await admin.Locator("[data-testid=diff-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.path)");
        changed.ShouldBe(["version", "steps[process].budget"], ignoreOrder: true);
    }

    private static ILocator Node(IPage page, string step) => page.Locator($"[data-testid=designer-node][data-step='{step}']");

    private static async Task HumanAsync(IPage page, string id, string title, string role, string days)
    {
        await page.Locator("[data-testid=palette][data-kind=human]").ClickAsync();
        var panel = page.Locator($"[data-testid=designer-step-panel][data-step='{id}']");
        await panel.WaitForAsync();
        await page.FillFieldAsync("step-title", title, panel);
        await page.PickAsync("step-role", role, panel);
        await page.FillFieldAsync("step-budget", days, panel);
        await Node(page, id).Locator("text.budget", new() { HasText = days + "d" }).WaitForAsync();
    }

    private static async Task ConnectAsync(IPage page, string from, string to)
    {
        await page.Locator($"[data-testid=designer-port][data-step='{from}']").ClickAsync();
        await page.Locator($"[data-testid=designer-canvas][data-connecting='{from}']").WaitForAsync();
        await Node(page, to).ClickAsync();
        await page.Locator($"[data-testid=designer-edge][data-from='{from}'][data-to='{to}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
