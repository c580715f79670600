using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Api.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Sample;

/// <summary>Each bad request answers a clear problem (status, code, field, in the caller's language) and changes nothing.</summary>
public sealed class When_input_is_bad
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private Task<int> DossierCount() => _api.Db(db => db.Dossiers.CountAsync());

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task Should_answer_malformed_json_with_400_and_write_nothing()
    {
        var before = await DossierCount();
        var response = await (await _api.As("ys.clerk")).PostAsync("/api/v1/dossiers", Raw("{\"receivingUnitId\": \"x\", "));
        var problem = await response.Expect(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("code").GetString().ShouldBe("malformed-json");
        (await DossierCount()).ShouldBe(before);
    }

    [Test]
    public async Task Should_name_the_field_of_a_cut_off_outside_office_hours_and_keep_the_rules()
    {
        var admin = await _api.As("admin");
        var before = await (await admin.GetAsync("/api/v1/admin/calendar/rules")).Expect(HttpStatusCode.OK);

        var response = await admin.Send(HttpMethod.Put, "/api/v1/admin/calendar/rules", new { cutOff = "18:00:00", cultureDayFromYear = 2026 });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Json()).GetProperty("field").GetString().ShouldBe("cutOff");
        (await (await admin.GetAsync("/api/v1/admin/calendar/rules")).Expect(HttpStatusCode.OK)).GetProperty("cutOff").GetString()
            .ShouldBe(before.GetProperty("cutOff").GetString());
    }

    [Test]
    public async Task Should_name_the_field_of_a_value_of_the_wrong_type()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(await Dossiers.CounterReception(_api)).Replace("\"applicant\":{", "\"copies\":\"ba\",\"applicant\":{");
        var problem = await (await (await _api.As("ys.clerk")).PostAsync("/api/v1/dossiers", Raw(body))).Expect(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("copies");
    }

    [Test]
    public async Task Should_list_every_invalid_field_in_english_when_asked()
    {
        var client = await _api.As("ys.clerk");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var problem = await (await client.Post("/api/v1/dossiers", new
        {
            receivingUnitId = Guid.Empty, procedureId = Guid.NewGuid(), applicant = new { fullName = "", email = "not-an-email" }, documents = Array.Empty<object>(),
        })).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("receivingUnitId")[0].GetString().ShouldBe("The receiving unit is required.");
        errors.GetProperty("applicant.fullName")[0].GetString()!.ShouldContain("required");
        errors.TryGetProperty("applicant.email", out _).ShouldBeTrue();
        problem.GetProperty("title").GetString().ShouldBe("Bad request");
    }

    [Test]
    public async Task Should_answer_in_vietnamese_by_default()
    {
        var problem = await (await (await _api.As("ys.clerk")).GetAsync($"/api/v1/dossiers/{Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
        problem.GetProperty("title").GetString().ShouldBe("Không tìm thấy");
        problem.GetProperty("detail").GetString().ShouldBe("Không tìm thấy hồ sơ.");
    }

    [Test]
    public async Task Should_answer_an_unknown_id_or_route_with_404_problems()
    {
        var clerk = await _api.As("ys.clerk");
        (await clerk.Post($"/api/v1/dossiers/{Guid.NewGuid()}/assignment", new { specialist = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clerk.GetAsync("/api/v1/dossiers/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await (await clerk.GetAsync($"/api/v1/catalogue/procedures/{Guid.NewGuid()}")).Expect(HttpStatusCode.NotFound);
        problem.GetProperty("code").GetString().ShouldBe("not-found");
    }

    [Test]
    public async Task Should_refuse_an_unreadable_if_match()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        var problem = await (await (await _api.As("ys.economy.section-head")).Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }, "garbage"))
            .Expect(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("If-Match");
    }

    [Test]
    public async Task Should_refuse_a_file_whose_content_is_not_its_type()
    {
        var response = await Upload(await _api.As("ys.clerk"), "<html><script>alert(1)</script></html>"u8.ToArray(), "ho-so.pdf");
        (await response.Expect(HttpStatusCode.UnsupportedMediaType)).GetProperty("code").GetString().ShouldBe("file-type-not-allowed");
        (await Upload(await _api.As("ys.clerk"), "%PDF-1.4 real"u8.ToArray(), "ho-so.exe")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Should_refuse_an_oversize_file()
    {
        var big = new byte[1024 * 1024 + 10];
        "%PDF-"u8.CopyTo(big);
        var status = (await Upload(await _api.As("ys.clerk"), big, "lon.pdf")).StatusCode;
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task Should_refuse_a_file_the_virus_scanner_flags()
    {
        var eicar = Encoding.ASCII.GetBytes("%PDF-1.4\nX5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n");
        var problem = await (await Upload(await _api.As("ys.clerk"), eicar, "virus.pdf")).Expect(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("file-infected");
    }

    [Test]
    public async Task Should_keep_only_a_clean_name_of_a_path_traversal_upload()
    {
        var created = await (await Upload(await _api.As("ys.clerk"), "%PDF-1.4 ok"u8.ToArray(), "..\\..\\../etc/<b>passwd</b>\u0007.pdf")).Expect(HttpStatusCode.Created);
        var name = created.GetProperty("fileName").GetString()!;
        name.ShouldNotContain("..");
        name.ShouldNotContain("/");
        name.ShouldNotContain("<");
        name.ShouldEndWith(".pdf");
        Directory.EnumerateFiles(_api.FilesFolder, "*", SearchOption.AllDirectories).ShouldAllBe(f => Path.GetFileName(f).Length == 32);
    }

    [Test]
    public async Task Should_refuse_another_users_attachment_in_a_reception()
    {
        var own = await Citizen.UploadAsync(await _api.As(DemoAccounts.CitizenB), "%PDF-1.4 cd"u8.ToArray(), "cccd.pdf");
        var body = System.Text.Json.JsonSerializer.Serialize(await Dossiers.CounterReception(_api));
        body = body.Replace("\"documents\":[{", $"\"documents\":[{{\"attachmentId\":\"{own}\",");
        var before = await DossierCount();
        var problem = await (await (await _api.As("ys.clerk")).PostAsync("/api/v1/dossiers", Raw(body))).Expect(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("code").GetString().ShouldBe("unknown-attachment");
        (await DossierCount()).ShouldBe(before);
    }

    [Test]
    public async Task Should_lock_an_account_after_five_wrong_passwords()
    {
        var anonymous = _api.Anonymous();
        for (var i = 0; i < 5; i++)
            (await anonymous.Post("/api/v1/auth/sign-in", new { userName = "stp.specialist2", password = "Sai@mat-khau1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var locked = await (await anonymous.Post("/api/v1/auth/sign-in", new { userName = "stp.specialist2", password = DemoAccounts.Password })).Expect(HttpStatusCode.Unauthorized);
        locked.GetProperty("code").GetString().ShouldBe("locked-out");
    }

    [Test]
    public async Task Should_answer_an_unknown_user_like_a_wrong_password()
    {
        var unknown = await (await _api.Anonymous().Post("/api/v1/auth/sign-in", new { userName = "khong.ton.tai", password = "Sai@mat-khau1" })).Expect(HttpStatusCode.Unauthorized);
        unknown.GetProperty("code").GetString().ShouldBe("invalid-credentials");
    }

    [Test]
    public async Task Should_sign_in_with_a_cookie_that_is_httponly_and_strict()
    {
        var response = await _api.Anonymous().Post("/api/v1/auth/sign-in", new { userName = "hy.leader", password = DemoAccounts.Password });
        await response.Expect(HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iso.auth=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
    }

    [Test]
    public async Task Should_let_the_portal_read_statuses_with_client_credentials_only()
    {
        var anonymous = _api.Anonymous();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = DemoAccounts.PortalClientId, ["client_secret"] = DemoAccounts.PortalClientSecret,
        });
        var token = await (await anonymous.PostAsync("/api/v1/auth/token", form)).Expect(HttpStatusCode.OK);
        var (_, code) = await Dossiers.ReceiveAsync(_api);
        var portal = _api.Anonymous();
        portal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        var status = await (await portal.GetAsync($"/api/v1/integration/dossiers/by-code/{code}")).Expect(HttpStatusCode.OK);
        status.GetProperty("statusCode").GetInt32().ShouldBe(2);
        status.GetRawText().ShouldNotContain("Nguyễn");
        // A GET of the POST-only search: refused either way (with the web UI mapped, routing answers 404 instead of 405).
        (await portal.GetAsync($"/api/v1/dossiers/search")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
        var wrong = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = DemoAccounts.PortalClientId, ["client_secret"] = "wrong",
        });
        (await anonymous.PostAsync("/api/v1/auth/token", wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_record_who_read_a_dossier_and_from_where()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        await (await (await _api.As("ys.leader")).GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.OK);
        await (await (await _api.As("hy.clerk")).GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.NotFound);
        var audit = await (await (await _api.As("admin")).GetAsync($"/api/v1/admin/audit?resourceId={id}")).Expect(HttpStatusCode.OK);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        entries.ShouldContain(e => e.GetProperty("action").GetString() == "dossier.read" && e.GetProperty("userName").GetString() == "ys.leader" && e.GetProperty("statusCode").GetInt32() == 200);
        entries.ShouldContain(e => e.GetProperty("action").GetString() == "dossier.read" && e.GetProperty("userName").GetString() == "hy.clerk" && e.GetProperty("statusCode").GetInt32() == 404);
        entries.ShouldContain(e => e.GetProperty("action").GetString() == "dossier.receive" && e.GetProperty("userName").GetString() == "ys.clerk");
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] content, string name)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await client.PostAsync("/api/v1/attachments", form);
    }
}
