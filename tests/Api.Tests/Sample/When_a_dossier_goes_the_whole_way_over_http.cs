using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Api.Tests.Sample;

public sealed class When_a_dossier_goes_the_whole_way_over_http
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [Test]
    public async Task Should_move_from_the_counter_to_the_archive_as_each_role_acts_in_turn()
    {
        var clerk = await _api.As("ys.clerk");
        var head = await _api.As("ys.economy.section-head");
        var specialist = await _api.As("ys.economy.specialist");
        var leader = await _api.As("ys.leader");

        var received = await clerk.Post("/api/v1/dossiers", await Dossiers.CounterReception(_api, "Lê Thị Hoa", "0987001234"));
        var receipt = await received.Expect(HttpStatusCode.Created);
        var id = receipt.GetProperty("dossierId").GetGuid();
        var code = receipt.GetProperty("code").GetString()!;
        receipt.GetProperty("status").GetString().ShouldBe("Accepted");
        code.ShouldStartWith(Dossiers.Shop + "-");
        received.Headers.Location!.ToString().ShouldBe($"/api/v1/dossiers/{id}");

        var tracked = await (await _api.Anonymous().Post("/api/v1/public/tracking", new { code, secondFactor = "1234" })).Expect(HttpStatusCode.OK);
        tracked.GetProperty("statusCode").GetInt32().ShouldBe(2);
        tracked.GetRawText().ShouldNotContain("Lê Thị Hoa");
        tracked.GetRawText().ShouldNotContain("0987001234");

        var inbox = await (await head.GetAsync("/api/v1/inbox/mine?pageSize=200")).Expect(HttpStatusCode.OK);
        inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dossierId").GetGuid()).ShouldContain(id);

        // A clerk may see the dossier but not take the leader's step.
        (await clerk.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var detail = await head.GetAsync($"/api/v1/dossiers/{id}");
        await detail.Expect(HttpStatusCode.OK);
        var etag = detail.ETag()!;
        var assigned = await head.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist", instructions = "Xử lý trong ngày" }, etag);
        (await assigned.Expect(HttpStatusCode.OK)).GetProperty("openSteps")[0].GetString().ShouldBe("process");
        assigned.ETag().ShouldNotBe(etag);

        using var pdf = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4\n% thẩm định\n"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        pdf.Add(file, "file", "bien-ban-tham-dinh.pdf");
        var uploaded = await (await specialist.PostAsync($"/api/v1/dossiers/{id}/attachments", pdf)).Expect(HttpStatusCode.Created);
        uploaded.GetProperty("sha256").GetString()!.Length.ShouldBe(64);

        await (await specialist.Post($"/api/v1/dossiers/{id}/appraisal", new
        {
            notes = "Đủ điều kiện", draftResult = "Cấp Giấy chứng nhận đăng ký hộ kinh doanh",
            fields = new Dictionary<string, string> { ["registrationNumber"] = "31A8009999" },
        }, assigned.ETag())).Expect(HttpStatusCode.OK);
        await (await head.Post($"/api/v1/dossiers/{id}/approval", new { comment = "Đồng ý" })).Expect(HttpStatusCode.OK);
        var signed = await (await leader.Post($"/api/v1/dossiers/{id}/signature", new { })).Expect(HttpStatusCode.OK);
        signed.GetProperty("status").GetString().ShouldBe("Finished");
        var returned = await (await clerk.Post($"/api/v1/dossiers/{id}/return", new { channel = "Counter" })).Expect(HttpStatusCode.OK);
        returned.GetProperty("statusCode").GetInt32().ShouldBe(10);
        returned.GetProperty("openSteps").GetArrayLength().ShouldBe(0);

        var final = await (await leader.GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.OK);
        var events = final.GetProperty("dossier").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        events.ShouldBe(["Received", "Assigned", "AttachmentsAdded", "Appraised", "Approved", "Signed", "Returned", "Archived"]);
        final.GetProperty("dossier").GetProperty("dates").GetProperty("archivedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        final.GetProperty("attachments")[0].GetProperty("fileName").GetString().ShouldBe("bien-ban-tham-dinh.pdf");

        var download = await specialist.GetAsync($"/api/v1/dossiers/{id}/attachments/{uploaded.GetProperty("id").GetGuid()}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsStringAsync()).ShouldStartWith("%PDF-1.4");
    }

    [Test]
    public async Task Should_find_the_dossier_by_applicant_name_in_its_own_units_only()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api, "Phùng Thị Tìm Kiếm");
        var own = await (await (await _api.As("ys.clerk")).Post("/api/v1/dossiers/search", new { applicantName = "tìm kiếm" })).Expect(HttpStatusCode.OK);
        own.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);
        var other = await (await (await _api.As("hy.clerk")).Post("/api/v1/dossiers/search", new { applicantName = "tìm kiếm" })).Expect(HttpStatusCode.OK);
        other.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_stale_if_match_and_change_nothing()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        var head = await _api.As("ys.economy.section-head");
        var refused = await head.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }, "\"0\"");
        var problem = await refused.Expect(HttpStatusCode.PreconditionFailed);
        problem.GetProperty("code").GetString().ShouldBe("stale-revision");
        refused.ETag().ShouldBe("\"1\"");
        var detail = await (await head.GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.OK);
        detail.GetProperty("revision").GetInt32().ShouldBe(1);
        detail.GetProperty("dossier").GetProperty("status").GetString().ShouldBe("Accepted");
    }

    [Test]
    public async Task Should_let_only_one_of_two_requests_with_the_same_if_match_commit()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        var head = await _api.As("ys.economy.section-head");
        var clerk = await _api.As("ys.clerk");
        var results = await Task.WhenAll(
            head.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }, "\"1\""),
            clerk.Post($"/api/v1/dossiers/{id}/withdrawal", new { reason = "Công dân xin rút" }, "\"1\""));
        results.Count(r => r.IsSuccessStatusCode).ShouldBe(1);
        results.Single(r => !r.IsSuccessStatusCode).StatusCode.ShouldBeOneOf(HttpStatusCode.PreconditionFailed, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict);
    }
}
