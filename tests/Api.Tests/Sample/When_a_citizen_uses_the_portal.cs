using System.Net;
using System.Net.Http.Json;
using Api.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sample;

public sealed class When_a_citizen_uses_the_portal
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private string LastCode(string login) =>
        ((LoggingVerificationSender)_api.Factory.Services.GetRequiredService<IVerificationSender>()).LastCode(login)!;

    [Test]
    public async Task Should_register_verify_the_code_sent_and_then_sign_in()
    {
        var anonymous = _api.Anonymous();
        var login = $"cong.dan.{Guid.NewGuid():N}"[..20] + "@example.vn";
        await (await anonymous.Post("/api/v1/citizen/account/register", new { fullName = "Công Dân Mới", login, password = "MatKhau@2025" })).Expect(HttpStatusCode.Accepted);
        var early = await (await anonymous.Post("/api/v1/auth/token", new { grantType = "password", userName = login, password = "MatKhau@2025" })).Expect(HttpStatusCode.Forbidden);
        early.GetProperty("code").GetString().ShouldBe("not-verified");
        (await anonymous.Post("/api/v1/citizen/account/verify", new { login, code = "000000" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await anonymous.Post("/api/v1/citizen/account/verify", new { login, code = LastCode(login) })).Expect(HttpStatusCode.NoContent);
        var token = await (await anonymous.Post("/api/v1/auth/token", new { grantType = "password", userName = login.ToUpperInvariant(), password = "MatKhau@2025" })).Expect(HttpStatusCode.OK);
        token.GetProperty("token_type").GetString().ShouldBe("Bearer");
        token.GetProperty("refresh_token").GetString().ShouldNotBeNullOrEmpty();
        var refreshed = await (await anonymous.Post("/api/v1/auth/token", new { grantType = "refresh_token", refreshToken = token.GetProperty("refresh_token").GetString() })).Expect(HttpStatusCode.OK);
        refreshed.GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
    }

    [Test]
    public async Task Should_answer_a_taken_login_as_a_new_one_and_tell_its_owner()
    {
        var anonymous = _api.Anonymous();
        var login = $"da.co.{Guid.NewGuid():N}"[..16] + "@example.vn";
        var first = await (await anonymous.Post("/api/v1/citizen/account/register", new { fullName = "Chủ Tài Khoản", login, password = "MatKhau@2025" })).Expect(HttpStatusCode.Accepted);
        var code = LastCode(login);

        var again = await (await anonymous.Post("/api/v1/citizen/account/register", new { fullName = "Người Khác", login = login.ToUpperInvariant(), password = "Khac@2025xyz" })).Expect(HttpStatusCode.Accepted);

        again.GetRawText().ShouldBe(first.GetRawText());
        var sender = (LoggingVerificationSender)_api.Factory.Services.GetRequiredService<IVerificationSender>();
        sender.Sent(login).Select(m => m.Purpose).ShouldBe([CitizenRegistration.VerifyPurpose, CitizenRegistration.RegistrationAttemptPurpose]);
        LastCode(login).ShouldBe(code); // the owner's code still works, and the second password changed nothing
        await (await anonymous.Post("/api/v1/citizen/account/verify", new { login, code })).Expect(HttpStatusCode.NoContent);
        await (await anonymous.Post("/api/v1/auth/token", new { grantType = "password", userName = login, password = "MatKhau@2025" })).Expect(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_refuse_a_weak_password_naming_the_field()
    {
        var problem = await (await _api.Anonymous().Post("/api/v1/citizen/account/register", new { fullName = "A", login = "0987111222", password = "123" })).Expect(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("password", out _).ShouldBeTrue();
    }

    [Test]
    public async Task Should_submit_online_supplement_follow_and_rate_the_finished_dossier()
    {
        var citizen = await _api.As(DemoAccounts.CitizenA);
        var id = await Citizen.SubmitAsync(_api, citizen, "Nguyễn Văn Trực Tuyến");
        var mine = await (await citizen.GetAsync("/api/v1/citizen/dossiers?pageSize=100")).Expect(HttpStatusCode.OK);
        mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);

        var clerk = await _api.As("ys.clerk");
        var receipt = await (await clerk.Post($"/api/v1/dossiers/{id}/reception", new
        {
            decision = "RequestSupplement", reason = "Thiếu sơ đồ địa điểm", otherMissingItems = new[] { "Sơ đồ vị trí địa điểm kinh doanh" },
        })).Expect(HttpStatusCode.OK);
        receipt.GetProperty("status").GetString().ShouldBe("SupplementRequested");

        var view = await (await citizen.GetAsync($"/api/v1/citizen/dossiers/{id}")).Expect(HttpStatusCode.OK);
        view.GetProperty("missingItems")[0].GetString().ShouldBe("Sơ đồ vị trí địa điểm kinh doanh");
        var scan = await Citizen.UploadAsync(citizen, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "so-do.png", "image/png");
        await (await citizen.Post($"/api/v1/citizen/dossiers/{id}/supplements", new { documents = new[] { new { name = "Sơ đồ vị trí", attachmentId = scan } }, note = "Gửi bổ sung" }))
            .Expect(HttpStatusCode.OK);
        var sent = await (await clerk.GetAsync($"/api/v1/dossiers/{id}/citizen-supplements")).Expect(HttpStatusCode.OK);
        sent[0].GetProperty("documents")[0].GetProperty("attachmentId").GetGuid().ShouldBe(scan);
        var accepted = await (await clerk.Post($"/api/v1/dossiers/{id}/supplements", new { documents = new[] { new { name = "Sơ đồ vị trí", attachmentId = scan } } })).Expect(HttpStatusCode.OK);
        accepted.GetProperty("status").GetString().ShouldBe("Accepted");

        (await citizen.Post($"/api/v1/citizen/dossiers/{id}/rating", new { scores = Enumerable.Repeat(2, 9) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await Finish(id);
        var rated = await (await citizen.Post($"/api/v1/citizen/dossiers/{id}/rating", new { scores = new[] { 2, 2, 2, 2, 2, 2, 1, 2, 2 }, comment = "Nhanh" })).Expect(HttpStatusCode.OK);
        rated.GetProperty("total").GetInt32().ShouldBe(17);
        rated.GetProperty("grade").GetString().ShouldBe("Excellent");
        (await citizen.Post($"/api/v1/citizen/dossiers/{id}/rating", new { scores = Enumerable.Repeat(0, 9) })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var other = await _api.As(DemoAccounts.CitizenB);
        (await other.GetAsync($"/api/v1/citizen/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/citizen/dossiers/{id}/attachments/{scan}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.GetAsync($"/api/v1/citizen/dossiers/{id}/attachments/{scan}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var summary = await (await (await _api.As("ys.leader")).GetAsync($"/api/v1/ratings/summary?unitId={await _api.UnitAsync("000.01.31.H29")}")).Expect(HttpStatusCode.OK);
        summary.GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
    }

    [Test]
    public async Task Should_store_a_question_as_written_and_show_it_escaped_once_answered_and_published()
    {
        const string script = "<script>alert('xss')</script> Thủ tục cần giấy tờ gì?";
        var citizen = await _api.As(DemoAccounts.CitizenB);
        var asked = await citizen.Post("/api/v1/citizen/questions", new { title = "Hỏi về hộ kinh doanh", body = script });
        var raw = await asked.Content.ReadAsStringAsync();
        asked.StatusCode.ShouldBe(HttpStatusCode.Created, raw);
        raw.ShouldNotContain("<script>");
        var question = (await asked.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await (await (await _api.As("ys.leader")).Post($"/api/v1/questions/{question}/answer", new { answer = "Cần giấy đề nghị và giấy tờ pháp lý.", publish = true }))
            .Expect(HttpStatusCode.OK);
        var published = await _api.Anonymous().GetAsync("/api/v1/public/questions");
        var text = await published.Content.ReadAsStringAsync();
        text.ShouldNotContain("<script>");
        text.ShouldContain("\\u003Cscript\\u003E");
        (await published.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("items").EnumerateArray()
            .Single(q => q.GetProperty("id").GetGuid() == question).GetProperty("body").GetString().ShouldBe(script);
    }

    [Test]
    public async Task Should_withdraw_an_online_submission_before_reception()
    {
        var citizen = await _api.As(DemoAccounts.CitizenA);
        var id = await Citizen.SubmitAsync(_api, citizen);
        var withdrawn = await (await citizen.Post($"/api/v1/citizen/dossiers/{id}/withdrawal", new { reason = "Nộp nhầm thủ tục" })).Expect(HttpStatusCode.OK);
        withdrawn.GetProperty("statusCode").GetInt32().ShouldBe(7);
        (await citizen.Post($"/api/v1/citizen/dossiers/{id}/withdrawal", new { reason = "Lần nữa" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private async Task Finish(Guid id)
    {
        var head = await _api.As("ys.economy.section-head");
        await (await head.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" })).Expect(HttpStatusCode.OK);
        await (await (await _api.As("ys.economy.specialist")).Post($"/api/v1/dossiers/{id}/appraisal", new
        {
            notes = "Đủ điều kiện", fields = new Dictionary<string, string> { ["registrationNumber"] = "31A8007777" },
        })).Expect(HttpStatusCode.OK);
        await (await head.Post($"/api/v1/dossiers/{id}/approval", new { })).Expect(HttpStatusCode.OK);
        await (await (await _api.As("ys.leader")).Post($"/api/v1/dossiers/{id}/signature", new { })).Expect(HttpStatusCode.OK);
        await (await (await _api.As("ys.clerk")).Post($"/api/v1/dossiers/{id}/return", new { channel = "Online" })).Expect(HttpStatusCode.OK);
    }
}
