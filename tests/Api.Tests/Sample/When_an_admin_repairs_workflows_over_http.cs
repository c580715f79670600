using System.Net;

namespace Api.Tests.Sample;

/// <summary>
/// System administrators repair dossiers' workflows over HTTP on the sample province: incidents listed with their dossiers
/// and units, retried and resolved; instances suspended, resumed and moved on; work items cancelled and reopened; timers
/// retried. Each change needs a reason (422 naming it), answers 404 for an unknown id and 409 where the state refuses it,
/// is audited, and is refused (403) to everyone else.
/// </summary>
public sealed class When_an_admin_repairs_workflows_over_http : SampleAdminTest
{
    private const string Why = "Đồng bộ lại với hệ thống đăng ký kinh doanh";
    private HttpClient _clerk = null!;

    [OneTimeSetUp]
    public async Task SignInTheClerk() => _clerk = await Api.As("ys.clerk");

    private Task<Received> DossierAsync(string name) => DossierAsync(name, "0915000111");

    [Test]
    public async Task Should_list_an_incident_with_its_dossier_and_unit_then_retry_and_resolve_it()
    {
        var (dossier, instance) = await DossierAsync("Hoàng Văn Sự Cố");
        var listed = await WorkflowIncidents.OpenAsync(Api, instance);
        var id = listed.GetProperty("incident").GetProperty("id").GetGuid();
        (listed.GetProperty("dossierId").GetGuid(), listed.GetProperty("unitName").GetString(), listed.GetProperty("stepTitle").GetString())
            .ShouldBe((dossier, "Ủy ban nhân dân xã Yên Sơn", "Phân công chuyên viên thẩm định"));
        listed.GetProperty("definitionTitle").GetString().ShouldBe("Đăng ký thành lập hộ kinh doanh");

        var commune = await Api.UnitAsync("000.01.31.H29");
        var inCommune = await (await Admin.GetAsync($"/api/v1/admin/incidents?unitId={commune}&definitionId=household-business-registration&take=200")).Expect(HttpStatusCode.OK);
        inCommune.GetProperty("items").EnumerateArray().ShouldContain(r => r.GetProperty("incident").GetProperty("id").GetGuid() == id);
        inCommune.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var old = await (await Admin.GetAsync("/api/v1/admin/incidents?olderThanHours=1&take=200")).Expect(HttpStatusCode.OK);
        old.GetProperty("items").EnumerateArray().ShouldNotContain(r => r.GetProperty("incident").GetProperty("id").GetGuid() == id);
        await ShouldNameAsync(await Admin.GetAsync($"/api/v1/admin/incidents?unitId={Guid.NewGuid()}"), HttpStatusCode.NotFound, "unitId");
        await ShouldNameAsync(await Admin.GetAsync("/api/v1/admin/incidents?status=Broken"), HttpStatusCode.UnprocessableEntity, "status");
        // A form's empty status is no status: the unresolved incidents.
        (await (await Admin.GetAsync("/api/v1/admin/incidents?status=&take=200")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .ShouldContain(r => r.GetProperty("incident").GetProperty("id").GetGuid() == id);
        (await (await Admin.GetAsync($"/api/v1/admin/incidents/{id}")).Expect(HttpStatusCode.OK)).GetProperty("incident").GetProperty("status").GetString().ShouldBe("Open");
        await ShouldNameAsync(await Admin.GetAsync($"/api/v1/admin/incidents/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "id");

        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/incidents/{id}/retry", new { reason = " " }), HttpStatusCode.UnprocessableEntity, "reason");
        var retried = await (await Admin.Post($"/api/v1/admin/incidents/{id}/retry", new { reason = Why })).Expect(HttpStatusCode.OK);
        // The poller may already have tried again (and failed: the path is still gone).
        retried.GetProperty("incident").GetProperty("status").GetString().ShouldBeOneOf("Retrying", "Open");

        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/incidents/{id}/resolve", new { }), HttpStatusCode.UnprocessableEntity, "reason");
        var resolved = (await (await Admin.Post($"/api/v1/admin/incidents/{id}/resolve", new { reason = Why })).Expect(HttpStatusCode.OK)).GetProperty("incident");
        (resolved.GetProperty("status").GetString(), resolved.GetProperty("resolvedBy").GetString(), resolved.GetProperty("resolution").GetString())
            .ShouldBe(("Resolved", "admin", Why));
        await (await Admin.Post($"/api/v1/admin/incidents/{id}/resolve", new { reason = Why })).Expect(HttpStatusCode.Conflict);
        await (await Admin.Post($"/api/v1/admin/incidents/{id}/retry", new { reason = Why })).Expect(HttpStatusCode.Conflict);
        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/incidents/{Guid.NewGuid()}/resolve", new { reason = Why }), HttpStatusCode.NotFound, "id");

        await (await _clerk.GetAsync("/api/v1/admin/incidents")).Expect(HttpStatusCode.Forbidden);
        await (await _clerk.Post($"/api/v1/admin/incidents/{id}/retry", new { reason = Why })).Expect(HttpStatusCode.Forbidden);
        var audit = await (await Admin.GetAsync($"/api/v1/admin/audit?resourceId={id}")).Expect(HttpStatusCode.OK);
        audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("statusCode").GetInt32()))
            .ShouldContain(("incident.resolve", 200));
    }

    [Test]
    public async Task Should_suspend_and_resume_a_dossiers_workflow_refusing_the_officials_meanwhile()
    {
        var (dossier, instance) = await DossierAsync("Trần Thị Tạm Dừng");
        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/instances/{instance}/suspend", new { }), HttpStatusCode.UnprocessableEntity, "reason");
        var suspended = await (await Admin.Post($"/api/v1/admin/instances/{instance}/suspend", new { reason = "Chờ kết luận thanh tra" })).Expect(HttpStatusCode.OK);
        suspended.GetProperty("workflow").GetProperty("instance").GetProperty("status").GetString().ShouldBe("Suspended");
        suspended.GetProperty("suspension").GetProperty("reason").GetString().ShouldBe("Chờ kết luận thanh tra");
        suspended.GetProperty("dossier").GetProperty("id").GetGuid().ShouldBe(dossier);

        var head = await Api.As("ys.economy.section-head");
        var refused = await (await head.Post($"/api/v1/dossiers/{dossier}/assignment", new { specialist = "ys.economy.specialist" })).Expect(HttpStatusCode.Conflict);
        refused.GetProperty("code").GetString().ShouldBe("not-running");
        await (await Admin.Post($"/api/v1/admin/instances/{instance}/suspend", new { reason = Why })).Expect(HttpStatusCode.Conflict);
        await (await _clerk.Post($"/api/v1/admin/instances/{instance}/resume", new { reason = Why })).Expect(HttpStatusCode.Forbidden);

        var resumed = await (await Admin.Post($"/api/v1/admin/instances/{instance}/resume", new { reason = "Đã có kết luận" })).Expect(HttpStatusCode.OK);
        resumed.GetProperty("workflow").GetProperty("instance").GetProperty("status").GetString().ShouldBe("Running");
        await (await Admin.Post($"/api/v1/admin/instances/{instance}/resume", new { reason = Why })).Expect(HttpStatusCode.Conflict);
        await (await head.Post($"/api/v1/dossiers/{dossier}/assignment", new { specialist = "ys.economy.specialist" })).Expect(HttpStatusCode.OK);

        var events = (await (await head.GetAsync($"/api/v1/dossiers/{dossier}")).Expect(HttpStatusCode.OK)).GetProperty("dossier").GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("comment").GetString())).ToList();
        events.ShouldContain(("WorkflowSuspended", "Chờ kết luận thanh tra"));
        events.ShouldContain(("WorkflowResumed", "Đã có kết luận"));
        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/instances/{Guid.NewGuid()}/suspend", new { reason = Why }), HttpStatusCode.NotFound, "id");
        await ShouldNameAsync(await Admin.GetAsync($"/api/v1/admin/instances/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "id");
    }

    [Test]
    public async Task Should_cancel_and_reopen_a_work_item_then_move_the_path_on()
    {
        var (_, instance) = await DossierAsync("Lê Văn Điều Chỉnh");
        var view = await (await Admin.GetAsync($"/api/v1/admin/instances/{instance}")).Expect(HttpStatusCode.OK);
        view.GetProperty("workflow").GetProperty("paths")[0].GetProperty("stepId").GetString().ShouldBe("assign");
        view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldContain("review");
        var item = view.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("id").GetGuid();

        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/work-items/{item}/cancel", new { }), HttpStatusCode.UnprocessableEntity, "reason");
        await (await _clerk.Post($"/api/v1/admin/work-items/{item}/cancel", new { reason = Why })).Expect(HttpStatusCode.Forbidden);
        var cancelled = await (await Admin.Post($"/api/v1/admin/work-items/{item}/cancel", new { reason = "Giao nhầm đơn vị" })).Expect(HttpStatusCode.OK);
        cancelled.GetProperty("workflow").GetProperty("openWorkItems").GetArrayLength().ShouldBe(0);
        var held = cancelled.GetProperty("cancelledWorkItems")[0];
        (held.GetProperty("id").GetGuid(), held.GetProperty("canReopen").GetBoolean(), held.GetProperty("reason").GetString()).ShouldBe((item, true, "Giao nhầm đơn vị"));
        await (await Admin.Post($"/api/v1/admin/work-items/{item}/cancel", new { reason = Why })).Expect(HttpStatusCode.Conflict);
        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/work-items/{Guid.NewGuid()}/cancel", new { reason = Why }), HttpStatusCode.NotFound, "id");

        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/work-items/{item}/reopen", new { reason = "" }), HttpStatusCode.UnprocessableEntity, "reason");
        var reopened = await (await Admin.Post($"/api/v1/admin/work-items/{item}/reopen", new { reason = "Giao lại đúng đơn vị" })).Expect(HttpStatusCode.OK);
        reopened.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("stepId").GetString().ShouldBe("assign");
        await (await Admin.Post($"/api/v1/admin/work-items/{item}/reopen", new { reason = Why })).Expect(HttpStatusCode.Conflict);
        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/work-items/{Guid.NewGuid()}/reopen", new { reason = Why }), HttpStatusCode.NotFound, "id");

        var move = $"/api/v1/admin/instances/{instance}/move";
        await ShouldNameAsync(await Admin.Post(move, new { toStepId = "review" }), HttpStatusCode.UnprocessableEntity, "reason");
        await ShouldNameAsync(await Admin.Post(move, new { toStepId = "nowhere", reason = Why }), HttpStatusCode.UnprocessableEntity, "toStepId");
        await ShouldNameAsync(await Admin.Post(move, new { toStepId = "review", fromStepId = "sign", reason = Why }), HttpStatusCode.UnprocessableEntity, "fromStepId");
        await (await _clerk.Post(move, new { toStepId = "review", reason = Why })).Expect(HttpStatusCode.Forbidden);
        var moved = await (await Admin.Post(move, new { toStepId = "review", fromStepId = "assign", reason = Why })).Expect(HttpStatusCode.OK);
        moved.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("stepId").GetString().ShouldBe("review");
        moved.GetProperty("dossier").GetProperty("status").GetString().ShouldBe("Processing");
        moved.GetProperty("workflow").GetProperty("history")[0].GetProperty("kind").GetString().ShouldBe("WorkItemOpened");
        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/instances/{Guid.NewGuid()}/move", new { toStepId = "review", reason = Why }), HttpStatusCode.NotFound, "id");
    }

    [Test]
    public async Task Should_retry_the_timer_of_an_incident_until_the_incident_is_resolved()
    {
        var (_, instance) = await DossierAsync("Phạm Thị Hẹn Giờ");
        var incident = (await WorkflowIncidents.OpenAsync(Api, instance)).GetProperty("incident");
        var timer = incident.GetProperty("timerId").GetGuid();
        var view = await (await Admin.GetAsync($"/api/v1/admin/instances/{instance}")).Expect(HttpStatusCode.OK);
        view.GetProperty("workflow").GetProperty("timers").EnumerateArray().ShouldContain(t => t.GetProperty("id").GetGuid() == timer && t.GetProperty("status").GetString() == "Failed");

        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/timers/{timer}/retry", new { }), HttpStatusCode.UnprocessableEntity, "reason");
        await (await _clerk.Post($"/api/v1/admin/timers/{timer}/retry", new { reason = Why })).Expect(HttpStatusCode.Forbidden);
        (await (await Admin.Post($"/api/v1/admin/timers/{timer}/retry", new { reason = Why })).Expect(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Pending");
        await ShouldNameAsync(await Admin.Post($"/api/v1/admin/timers/{Guid.NewGuid()}/retry", new { reason = Why }), HttpStatusCode.NotFound, "id");

        await (await Admin.Post($"/api/v1/admin/incidents/{incident.GetProperty("id").GetGuid()}/resolve", new { reason = Why })).Expect(HttpStatusCode.OK);
        await (await Admin.Post($"/api/v1/admin/timers/{timer}/retry", new { reason = Why })).Expect(HttpStatusCode.Conflict);
        var audit = await (await Admin.GetAsync($"/api/v1/admin/audit?resourceId={timer}")).Expect(HttpStatusCode.OK);
        var recorded = audit.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("statusCode").GetInt32())).ToList();
        recorded.ShouldContain(("timer.retry", 422));
        recorded.ShouldContain(("timer.retry", 200));
        recorded.ShouldContain(("timer.retry", 409));
    }
}
