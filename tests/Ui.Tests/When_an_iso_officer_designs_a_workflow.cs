using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Ui.Tests;

/// <summary>
/// The workflow designer: Yên Sơn's ISO officer draws a new procedure on the canvas, sees it checked as it is drawn, test-runs it
/// over a weekend, saves it as a draft, publishes it, puts it into use for a catalogue procedure of the commune, and the commune's
/// clerk receives a dossier on it; and a library procedure opened, one budget changed, saved, and compared with exactly that change.
/// </summary>
public sealed class When_an_iso_officer_designs_a_workflow
{
    private const string NewWorkflow = "cap-phep-thu-nghiem", NewProcedure = "9.990021", NewDocument = "Đơn đề nghị cấp phép thử nghiệm";
    private UiHost _host = null!;
    private readonly List<IPage> _pages = [];

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [TearDown]
    public async Task ShootIfFailed()
    {
        await Pages.ShootIfFailedAsync([.. _pages]);
        _pages.Clear();
    }

    private async Task<IPage> PageAsync()
    {
        var page = await Browser.NewPageAsync(_host);
        _pages.Add(page);
        return page;
    }

    [Test]
    public async Task Should_draw_check_test_run_save_and_publish_a_new_procedure_that_a_clerk_then_receives()
    {
        await CatalogueHasProcedureWithoutWorkflowAsync();
        var admin = await PageAsync();
        await admin.SignInAsync("ys.iso");
        await admin.Locator("[data-testid=menu-designer]").ClickAsync();
        await admin.WaitForURLAsync(u => u.EndsWith("/quan-tri/quy-trinh/thiet-ke", StringComparison.Ordinal));
        await admin.WaitForLiveAsync();
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

        // The counter's reception completes the step "receive" with "accept": the first step is named so, at the receiving unit.
        await Node(admin, "step-1").ClickAsync();
        var first = admin.Locator("[data-testid=designer-step-panel][data-step='step-1']");
        await admin.FillFieldAsync("step-unit", "$receivingUnit", first);
        await admin.FillFieldAsync("step-id", "receive", first);
        await Node(admin, "receive").WaitForAsync();

        // Routes drawn from each step's connector to the next step; the ward's opinion is left unconnected for now.
        foreach (var (from, to) in new[] { ("receive", "consult-1"), ("consult-1", "step-2"), ("step-2", "join-1"), ("step-3", "join-1"),
                     ("join-1", "step-4"), ("step-4", "step-5"), ("step-5", "end-1") })
            await ConnectAsync(admin, from, to);
        await Node(admin, "receive").ClickAsync();
        await admin.FillFieldAsync("route-name", "accept", admin.Locator("[data-testid=route][data-to='consult-1']"));
        await admin.Locator("[data-testid=route][data-name='accept']").WaitForAsync();
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
        var firstDue = admin.Locator("[data-testid=trial-step][data-step='receive'] [data-testid=trial-due]");
        (await firstDue.InnerTextAsync()).ShouldStartWith("Thứ Hai 07/12/2026");
        (await admin.Locator("[data-testid=trial-appointment]").InnerTextAsync()).ShouldContain("Thứ Sáu 11/12/2026 17:00");
        (await admin.Locator("[data-testid=trial-step]").CountAsync()).ShouldBe(8);
        await admin.ShotAsync("d2-designer-valid-and-test-run");

        await admin.Locator("[data-testid=designer-save]").ClickAsync();
        var saved = admin.Locator("[data-testid=designer-saved]");
        await saved.WaitForAsync();
        (await saved.GetAttributeAsync("data-version")).ShouldBe("1");
        (await saved.InnerTextAsync()).ShouldContain("Đã lưu");

        // Publishing asks first and says what stays on an older version: nothing runs on a new workflow yet.
        await admin.Locator("[data-testid=designer-publish]").ClickAsync();
        var running = admin.Locator("[data-testid=publish-running]");
        await running.WaitForAsync();
        (await running.GetAttributeAsync("data-count")).ShouldBe("0");
        (await admin.Locator("[data-testid=publish-migrate-link]").CountAsync()).ShouldBe(0);
        await admin.Locator("[data-testid=confirm-go]").ClickAsync();
        await admin.Locator("[data-testid=designer-published][data-version='1']").WaitForAsync();

        // The officer puts it into use for the catalogue's new procedure in the commune.
        await admin.PickAsync("bind-procedure", NewProcedure);
        await admin.Locator("[data-testid=bind-go]").ClickAsync();
        (await admin.Locator("[data-testid=designer-bound]").InnerTextAsync()).ShouldContain("Ủy ban nhân dân xã Yên Sơn");
        await admin.ShotAsync("d3-designer-published-and-in-use");

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
        published.FindStep("receive")!.Actions.Single().Name.ShouldBe("accept");

        // The commune's clerk receives a dossier on the new procedure at the counter: it runs on the workflow just drawn.
        var clerk = await PageAsync();
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync("/can-bo/tiep-nhan");
        await clerk.PickProcedureAtCounterAsync(NewProcedure);
        await clerk.Locator("[data-testid=document-file]").First.SetInputFilesAsync(new FilePayload
        {
            Name = "don-de-nghi.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.5\ndon de nghi\n"u8.ToArray(),
        });
        await clerk.Locator(".mud-chip", new() { HasText = "don-de-nghi.pdf" }).WaitForAsync();
        await clerk.FillFieldAsync("applicant-name", "Nguyễn Văn Thử Nghiệm");
        await clerk.FillFieldAsync("applicant-phone", "0901000321");
        await clerk.Locator("[data-testid=receive]").ClickAsync();
        await clerk.Locator("[data-testid=receipt]").WaitForAsync();
        var dossier = await _host.Db(db => db.Dossiers.Join(db.Procedures, d => d.ProcedureId, p => p.Id, (d, p) => new { d, p.Code })
            .Where(x => x.Code == NewProcedure).Select(x => x.d).SingleAsync());
        dossier.Status.ShouldBe(DossierStatus.Accepted);
        var instances = await scope.ServiceProvider.GetRequiredService<Engine.Queries.InstanceQueries>().ListAsync(NewWorkflow);
        instances.ShouldHaveSingleItem().BusinessKey.ShouldBe(dossier.Code);
        await clerk.ShotAsync("d4-clerk-receives-on-the-new-procedure");
    }

    /// <summary>The catalogue's procedure that waits for its process: what the province added, no unit competent for it yet.</summary>
    private async Task CatalogueHasProcedureWithoutWorkflowAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Procedures.Persistence.ProceduresDb>();
        if (await db.Procedures.AnyAsync(p => p.Code == NewProcedure)) return;
        var sector = await db.Sectors.Where(s => s.Code == "HOTICH").Select(s => s.Id).SingleAsync();
        var admin = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("admin"))!;
        var created = await sp.GetRequiredService<CreateProcedureHandler>().HandleAsync(admin, new ProcedureDraft(NewProcedure, "Cấp phép thử nghiệm", "commune",
            sector, Procedures.Calendar.LegalTimeLimitKind.WorkingDays, 5, [Procedures.Catalogue.Channel.Counter], [new DocumentDraft(NewDocument)], [new Fee { Name = "Miễn phí", Kind = FeeKind.Free }]));
        created.Error.ShouldBeNull();
    }

    [Test]
    public async Task Should_change_one_budget_of_a_library_procedure_and_compare_exactly_that_change()
    {
        const string workflow = "death-registration";
        var admin = await PageAsync();
        await admin.SignInAsync("admin");
        await admin.GoAsync($"/quan-tri/quy-trinh/{workflow}/thiet-ke");
        await admin.Locator("[data-testid=designer-origin]").WaitForAsync();
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

        // The same comparison drawn on the diagram: that one step coloured as changed, nothing added or removed.
        var marked = await admin.Locator("[data-testid=diff-diagram] g[data-change]").EvaluateAllAsync<string[]>(
            "steps => steps.map(s => s.dataset.step + ':' + s.dataset.change)");
        marked.ShouldBe(["process:changed"]);
        await admin.ShotAsync("d5-designer-comparison-on-the-diagram");
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
