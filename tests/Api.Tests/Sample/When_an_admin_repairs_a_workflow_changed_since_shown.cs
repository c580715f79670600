using System.Net;
using System.Text.Json;

namespace Api.Tests.Sample;

/// <summary>
/// The administrator's repairs of a dossier's workflow carry the revision of the dossier they were shown, as the dossier's own
/// commands do: the workflow's read answers it as the ETag; a repair with an If-Match the dossier has moved past (another change
/// reached it first) answers 412 with the current ETag and changes nothing, in the dossier or in its workflow; with the current one
/// it is done and answers the revision after it. Without an If-Match the repair is done, as the dossier's commands are.
/// </summary>
public sealed class When_an_admin_repairs_a_workflow_changed_since_shown : SampleAdminTest
{
    private const string Why = "Đồng bộ lại với hệ thống đăng ký kinh doanh";
    private HttpClient _clerk = null!;

    [OneTimeSetUp]
    public async Task SignInTheClerk() => _clerk = await Api.As("ys.clerk");

    /// <summary>What a repair could change: the dossier (revision, status, history) and its workflow (status, paths, open and cancelled work, history).</summary>
    private sealed record Standing(int Revision, string Status, int Events, string Workflow, string Paths, string OpenWork, int Cancelled, int History);

    private Task<Received> DossierAsync(string name) => DossierAsync(name, "0915000222");

    private async Task<(JsonElement View, string? ETag)> ShownAsync(Guid instance)
    {
        var response = await Admin.GetAsync($"/api/v1/admin/instances/{instance}");
        return (await response.Expect(HttpStatusCode.OK), response.ETag());
    }

    private async Task<Standing> StandingAsync(Guid dossier, Guid instance)
    {
        var (view, etag) = await ShownAsync(instance);
        var detail = (await (await _clerk.GetAsync($"/api/v1/dossiers/{dossier}")).Expect(HttpStatusCode.OK)).GetProperty("dossier");
        var workflow = view.GetProperty("workflow");
        var revision = view.GetProperty("dossier").GetProperty("revision").GetInt32();
        etag.ShouldBe($"\"{revision}\"");
        return new Standing(revision, detail.GetProperty("status").GetString()!, detail.GetProperty("events").GetArrayLength(),
            workflow.GetProperty("instance").GetProperty("status").GetString()!,
            string.Join(",", workflow.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("stepId").GetString())),
            string.Join(",", workflow.GetProperty("openWorkItems").EnumerateArray().Select(w => w.GetProperty("id").GetGuid())),
            view.GetProperty("cancelledWorkItems").GetArrayLength(), workflow.GetProperty("history").GetArrayLength());
    }

    /// <summary>Another administrator's repairs reach the dossier after the page was shown: suspended and resumed, without an If-Match.</summary>
    private async Task ChangedBehindAsync(Guid instance)
    {
        await (await Admin.Post($"/api/v1/admin/instances/{instance}/suspend", new { reason = "Kiểm tra dữ liệu" })).Expect(HttpStatusCode.OK);
        await (await Admin.Post($"/api/v1/admin/instances/{instance}/resume", new { reason = "Đã kiểm tra xong" })).Expect(HttpStatusCode.OK);
    }

    /// <summary>
    /// The repair sent with the ETag shown before <paramref name="changeBehind"/> is refused and changes nothing; sent with the ETag
    /// shown now it is done and answers the dossier's new revision. Returns the repaired workflow.
    /// </summary>
    private async Task<JsonElement> ShouldRefuseTheStaleThenTakeTheFreshAsync(Guid dossier, Guid instance, string url, object body, Func<Task> changeBehind)
    {
        var (_, shown) = await ShownAsync(instance);
        await changeBehind();
        var before = await StandingAsync(dossier, instance);
        before.Revision.ShouldBeGreaterThan(int.Parse(shown!.Trim('"')));

        var refused = await Admin.Post(url, body, shown);

        var problem = await refused.Expect(HttpStatusCode.PreconditionFailed);
        (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()).ShouldBe(("stale-revision", "If-Match"));
        problem.GetProperty("detail").GetString()!.ShouldContain("người khác cập nhật");
        refused.ETag().ShouldBe($"\"{before.Revision}\"");
        (await StandingAsync(dossier, instance)).ShouldBe(before);

        var done = await Admin.Post(url, body, refused.ETag());
        var repaired = await done.Expect(HttpStatusCode.OK);
        var after = await StandingAsync(dossier, instance);
        after.Revision.ShouldBe(before.Revision + 1);
        done.ETag().ShouldBe($"\"{after.Revision}\"");
        repaired.GetProperty("dossier").GetProperty("revision").GetInt32().ShouldBe(after.Revision);
        after.Events.ShouldBeGreaterThan(before.Events);
        return repaired;
    }

    [Test]
    public async Task Should_refuse_a_stale_suspension_then_suspend_with_the_current_revision()
    {
        var (dossier, instance) = await DossierAsync("Vũ Văn Tạm Dừng");
        var url = $"/api/v1/admin/instances/{instance}/suspend";

        var repaired = await ShouldRefuseTheStaleThenTakeTheFreshAsync(dossier, instance, url, new { reason = Why }, () => ChangedBehindAsync(instance));

        repaired.GetProperty("workflow").GetProperty("instance").GetProperty("status").GetString().ShouldBe("Suspended");
    }

    [Test]
    public async Task Should_refuse_a_stale_resumption_then_resume_with_the_current_revision()
    {
        var (dossier, instance) = await DossierAsync("Vũ Thị Chạy Tiếp");
        await (await Admin.Post($"/api/v1/admin/instances/{instance}/suspend", new { reason = Why })).Expect(HttpStatusCode.OK);

        var repaired = await ShouldRefuseTheStaleThenTakeTheFreshAsync(dossier, instance, $"/api/v1/admin/instances/{instance}/resume", new { reason = Why },
            async () =>
            {
                await (await Admin.Post($"/api/v1/admin/instances/{instance}/resume", new { reason = "Kiểm tra dữ liệu" })).Expect(HttpStatusCode.OK);
                await (await Admin.Post($"/api/v1/admin/instances/{instance}/suspend", new { reason = "Chưa xong" })).Expect(HttpStatusCode.OK);
            });

        repaired.GetProperty("workflow").GetProperty("instance").GetProperty("status").GetString().ShouldBe("Running");
    }

    [Test]
    public async Task Should_refuse_a_stale_move_then_move_with_the_current_revision()
    {
        var (dossier, instance) = await DossierAsync("Vũ Văn Chuyển Bước");

        var repaired = await ShouldRefuseTheStaleThenTakeTheFreshAsync(dossier, instance, $"/api/v1/admin/instances/{instance}/move",
            new { toStepId = "review", fromStepId = "assign", reason = Why }, () => ChangedBehindAsync(instance));

        repaired.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("stepId").GetString().ShouldBe("review");
    }

    [Test]
    public async Task Should_refuse_a_stale_cancellation_of_a_work_item_then_cancel_it_with_the_current_revision()
    {
        var (dossier, instance) = await DossierAsync("Vũ Văn Hủy Việc");
        var item = (await ShownAsync(instance)).View.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("id").GetGuid();

        var repaired = await ShouldRefuseTheStaleThenTakeTheFreshAsync(dossier, instance, $"/api/v1/admin/work-items/{item}/cancel", new { reason = Why },
            () => ChangedBehindAsync(instance));

        repaired.GetProperty("workflow").GetProperty("openWorkItems").GetArrayLength().ShouldBe(0);
        repaired.GetProperty("cancelledWorkItems")[0].GetProperty("id").GetGuid().ShouldBe(item);
    }

    [Test]
    public async Task Should_refuse_a_stale_reopening_of_a_work_item_then_reopen_it_with_the_current_revision()
    {
        var (dossier, instance) = await DossierAsync("Vũ Thị Mở Lại");
        var item = (await ShownAsync(instance)).View.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("id").GetGuid();
        await (await Admin.Post($"/api/v1/admin/work-items/{item}/cancel", new { reason = "Giao nhầm đơn vị" })).Expect(HttpStatusCode.OK);

        var repaired = await ShouldRefuseTheStaleThenTakeTheFreshAsync(dossier, instance, $"/api/v1/admin/work-items/{item}/reopen", new { reason = Why },
            () => ChangedBehindAsync(instance));

        repaired.GetProperty("workflow").GetProperty("openWorkItems")[0].GetProperty("stepId").GetString().ShouldBe("assign");
    }

    [Test]
    public async Task Should_answer_400_naming_if_match_when_it_cannot_be_read()
    {
        var (dossier, instance) = await DossierAsync("Vũ Văn Sai Thẻ");
        var before = await StandingAsync(dossier, instance);

        var refused = await Admin.Post($"/api/v1/admin/instances/{instance}/suspend", new { reason = Why }, "\"seven\"");

        (await refused.Expect(HttpStatusCode.BadRequest)).GetProperty("field").GetString().ShouldBe("If-Match");
        (await StandingAsync(dossier, instance)).ShouldBe(before);
    }
}
