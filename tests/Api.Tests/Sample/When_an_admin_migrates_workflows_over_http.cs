using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Sample;

/// <summary>
/// A system administrator moves dossiers received on version 1 of household business registration to a version 2 (the
/// assignment step retitled, the refusal's end step renamed): the dry run lists what would change and writes nothing; the
/// migration needs a reason, refuses a mapping to a missing step (422 naming its path) and moves only the dossiers named,
/// which then go on to the end through the dossier endpoints. Everyone else is refused. On a database of its own, so the
/// other fixtures keep starting dossiers on version 1.
/// </summary>
public sealed class When_an_admin_migrates_workflows_over_http
{
    private const string Definition = "household-business-registration";
    private const string Url = $"/api/v1/admin/definitions/{Definition}/migrations";
    private const string NewTitle = "Phân công chuyên viên thẩm định (theo quy chế mới)";
    private SampleApi _api = null!;
    private HttpClient _admin = null!;
    private Guid _previewed, _moved, _kept;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await SampleApi.StartAsync();
        _admin = await _api.As("admin");
        _previewed = await InstanceAsync("Đặng Văn Xem Trước");
        _moved = await InstanceAsync("Đặng Thị Chuyển");
        _kept = await InstanceAsync("Đặng Văn Ở Lại");
        var upload = await _admin.PostAsync("/api/v1/admin/definitions/drafts", new StringContent(VersionTwo(), Encoding.UTF8, "application/yaml"));
        (await upload.Expect(HttpStatusCode.OK)).GetProperty("version").GetInt32().ShouldBe(2);
        await (await _admin.Post($"/api/v1/admin/definitions/{Definition}/publish")).Expect(HttpStatusCode.OK);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    private async Task<Guid> InstanceAsync(string name) =>
        await WorkflowIncidents.InstanceOfAsync(_api, (await Dossiers.ReceiveAsync(_api, name, "0915000222")).Id);

    /// <summary>Version 1 as the library has it, with the assignment retitled and the end step <c>refused</c> renamed <c>rejected</c>.</summary>
    private static string VersionTwo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Engine.sln"))) dir = dir.Parent;
        var v1 = File.ReadAllText(Path.Combine(dir.FullName, "workflows", Definition, "v1.yaml"));
        return v1.Replace("version: 1", "version: 2").Replace("title: Phân công chuyên viên thẩm định", $"title: {NewTitle}")
            .Replace("to: refused", "to: rejected").Replace("- id: refused", "- id: rejected");
    }

    private async Task<JsonElement> WorkflowAsync(Guid instance) =>
        (await (await _admin.GetAsync($"/api/v1/admin/instances/{instance}")).Expect(HttpStatusCode.OK)).GetProperty("workflow");

    private static async Task ShouldNameAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await response.Expect(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task Should_list_what_would_change_in_a_dry_run_and_write_nothing()
    {
        var plan = await (await _admin.Post($"{Url}/plan", new { fromVersion = 1, toVersion = 2, instanceIds = new[] { _previewed } })).Expect(HttpStatusCode.OK);
        plan.GetProperty("canMigrate").GetBoolean().ShouldBeTrue();
        plan.GetProperty("problems").GetArrayLength().ShouldBe(0);
        plan.GetProperty("stepMapping").GetProperty("assign").GetString().ShouldBe("assign");
        plan.GetProperty("stepMapping").TryGetProperty("refused", out _).ShouldBeFalse();
        var line = plan.GetProperty("instances").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("instanceId").GetGuid(), line.GetProperty("status").GetString()).ShouldBe((_previewed, "Running"));
        line.GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("to").GetString()))
            .ShouldContain(("WorkItemTitle", NewTitle));

        var workflow = await WorkflowAsync(_previewed);
        workflow.GetProperty("instance").GetProperty("version").GetInt32().ShouldBe(1);
        workflow.GetProperty("openWorkItems")[0].GetProperty("title").GetString().ShouldBe("Phân công chuyên viên thẩm định");
        workflow.GetProperty("history").EnumerateArray().ShouldNotContain(h => h.GetProperty("kind").GetString() == "Migrated");
    }

    [Test]
    public async Task Should_refuse_what_cannot_run_naming_the_field_and_move_nothing()
    {
        var ids = new[] { _kept };
        var refused = await _admin.Post(Url, new { fromVersion = 1, toVersion = 2, instanceIds = ids, stepMapping = new { assign = "nowhere" }, reason = "Áp dụng quy chế mới" });
        await ShouldNameAsync(refused, HttpStatusCode.UnprocessableEntity, "mapping.assign");
        var errors = (await refused.Json()).GetProperty("errors");
        errors.GetProperty("mapping.assign")[0].GetString()!.ShouldContain("'nowhere' is not a step of version 2");
        errors.TryGetProperty("steps[assign]", out _).ShouldBeTrue();
        var planned = await (await _admin.Post($"{Url}/plan", new { fromVersion = 1, toVersion = 2, instanceIds = ids, stepMapping = new { assign = "nowhere" } })).Expect(HttpStatusCode.OK);
        planned.GetProperty("canMigrate").GetBoolean().ShouldBeFalse();
        planned.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ShouldContain("mapping.assign");

        await ShouldNameAsync(await _admin.Post(Url, new { fromVersion = 1, toVersion = 2, instanceIds = ids }), HttpStatusCode.UnprocessableEntity, "reason");
        await ShouldNameAsync(await _admin.Post(Url, new { fromVersion = 1, toVersion = 2, instanceIds = ids, reason = "  " }), HttpStatusCode.UnprocessableEntity, "reason");
        await ShouldNameAsync(await _admin.Post(Url, new { toVersion = 2, reason = "Lý do" }), HttpStatusCode.UnprocessableEntity, "fromVersion");
        await ShouldNameAsync(await _admin.Post($"{Url}/plan", new { fromVersion = 1 }), HttpStatusCode.UnprocessableEntity, "toVersion");
        await ShouldNameAsync(await _admin.Post($"{Url}/plan", new { fromVersion = 2, toVersion = 2 }), HttpStatusCode.UnprocessableEntity, "toVersion");
        await ShouldNameAsync(await _admin.Post(Url, new { fromVersion = 1, toVersion = 9, reason = "Lý do" }), HttpStatusCode.UnprocessableEntity, "toVersion");
        await ShouldNameAsync(await _admin.Post(Url, new { fromVersion = 1, toVersion = 2, instanceIds = Array.Empty<Guid>(), reason = "Lý do" }),
            HttpStatusCode.UnprocessableEntity, "instanceIds");
        await ShouldNameAsync(await _admin.Post("/api/v1/admin/definitions/no-such-workflow/migrations/plan", new { fromVersion = 1, toVersion = 2 }),
            HttpStatusCode.NotFound, "definitionId");
        var english = await _api.As("admin");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        (await (await english.Post(Url, new { fromVersion = 1, toVersion = 2, instanceIds = ids })).Expect(HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString()!.ShouldStartWith("The reason is required");

        foreach (var user in new[] { "ys.clerk", "ys.leader", "ys.economy.section-head" })
            await (await (await _api.As(user)).Post(Url, new { fromVersion = 1, toVersion = 2, instanceIds = ids, reason = "Lý do" })).Expect(HttpStatusCode.Forbidden);
        await (await _api.Anonymous().Post($"{Url}/plan", new { fromVersion = 1, toVersion = 2 })).Expect(HttpStatusCode.Unauthorized);
        (await WorkflowAsync(_kept)).GetProperty("instance").GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Test]
    public async Task Should_move_the_dossiers_named_which_then_go_on_to_the_end()
    {
        const string why = "Áp dụng quy chế phân công mới từ 01/01";
        var report = await (await _admin.Post(Url, new
        {
            fromVersion = 1, toVersion = 2, instanceIds = new[] { _moved }, stepMapping = new { refused = "rejected" }, reason = why,
        })).Expect(HttpStatusCode.OK);
        (report.GetProperty("moved").GetInt32(), report.GetProperty("refused").GetInt32(), report.GetProperty("unchanged").GetInt32()).ShouldBe((1, 0, 0));
        var line = report.GetProperty("instances").EnumerateArray().ShouldHaveSingleItem();
        (line.GetProperty("instanceId").GetGuid(), line.GetProperty("outcome").GetString()).ShouldBe((_moved, "Moved"));

        var workflow = await WorkflowAsync(_moved);
        workflow.GetProperty("instance").GetProperty("version").GetInt32().ShouldBe(2);
        workflow.GetProperty("openWorkItems")[0].GetProperty("title").GetString().ShouldBe(NewTitle);
        var migrated = workflow.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("kind").GetString() == "Migrated");
        (migrated.GetProperty("actor").GetString(), migrated.GetProperty("comment").GetString()).ShouldBe(("admin", why));
        (await WorkflowAsync(_kept)).GetProperty("instance").GetProperty("version").GetInt32().ShouldBe(1);
        // Moving it again needs nothing: it is on version 2 already, so it is no instance of version 1.
        await ShouldNameAsync(await _admin.Post(Url, new { fromVersion = 1, toVersion = 2, instanceIds = new[] { _moved }, reason = why }),
            HttpStatusCode.UnprocessableEntity, "instanceIds[0]");

        var audit = await (await _admin.GetAsync($"/api/v1/admin/audit?resourceId={Definition}")).Expect(HttpStatusCode.OK);
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("statusCode").GetInt32())).ToList();
        actions.ShouldContain(("definition.migrate", 200));
        actions.ShouldNotContain(a => a.Item1 != "definition.migrate" && a.Item1!.Contains("migrat", StringComparison.Ordinal));

        var dossier = await _api.Db(db => db.Dossiers.Where(d => d.WorkflowInstanceId == _moved).Select(d => d.Id).SingleAsync());
        var head = await _api.As("ys.economy.section-head");
        await (await head.Post($"/api/v1/dossiers/{dossier}/assignment", new { specialist = "ys.economy.specialist" })).Expect(HttpStatusCode.OK);
        await (await (await _api.As("ys.economy.specialist")).Post($"/api/v1/dossiers/{dossier}/appraisal", new
        {
            notes = "Đủ điều kiện", draftResult = "Cấp Giấy chứng nhận", fields = new Dictionary<string, string> { ["registrationNumber"] = "31A8001234" },
        })).Expect(HttpStatusCode.OK);
        await (await head.Post($"/api/v1/dossiers/{dossier}/approval", new { comment = "Đồng ý" })).Expect(HttpStatusCode.OK);
        await (await (await _api.As("ys.leader")).Post($"/api/v1/dossiers/{dossier}/signature", new { })).Expect(HttpStatusCode.OK);
        var returned = await (await (await _api.As("ys.clerk")).Post($"/api/v1/dossiers/{dossier}/return", new { channel = "Counter" })).Expect(HttpStatusCode.OK);
        returned.GetProperty("statusCode").GetInt32().ShouldBe(10);

        var events = (await (await head.GetAsync($"/api/v1/dossiers/{dossier}")).Expect(HttpStatusCode.OK)).GetProperty("dossier").GetProperty("events")
            .EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("comment").GetString())).ToList();
        events.Select(e => e.Item1).ShouldBe(["Received", "WorkflowMigrated", "Assigned", "Appraised", "Approved", "Signed", "Returned", "Archived"]);
        events[1].Item2.ShouldBe(why);
        (await WorkflowAsync(_moved)).GetProperty("instance").GetProperty("status").GetString().ShouldBe("Completed");
    }
}
