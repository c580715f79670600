using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;

namespace Api.Tests.Sample;

/// <summary>
/// A system administrator uploads officials' PKCS#12 files; each one is checked as signing will check it (a problem naming the
/// file, in Vietnamese first), stored encrypted, listed, replaced and removed, with an audit row for every call. Then the
/// leader signs over HTTP and the citizen downloads the signed result with the receipt's code and second factor.
/// </summary>
public sealed class When_signing_certificates_are_uploaded
{
    const string Leader = "ys.leader";
    TestPki _pki = null!, _otherPki = null!;
    SampleApi _api = null!;
    HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-admin-" + Guid.NewGuid().ToString("N")));
        _otherPki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-other-" + Guid.NewGuid().ToString("N")));
        _api = await SampleApi.StartAsync(new Dictionary<string, string>
        {
            ["Signatures:TrustedCertificateFiles:0"] = _pki.AuthorityFile,
            ["Signatures:CrlFiles:0"] = _pki.CrlFile,
            ["Signatures:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        _admin = await _api.As("admin");
        _admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _api.DisposeAsync();
        _pki.Dispose();
        _otherPki.Dispose();
    }

    static MultipartFormDataContent Form(byte[]? file, string? password = null)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-pkcs12");
            form.Add(content, "file", "can-bo.p12");
        }
        if (password is not null) form.Add(new StringContent(password), "password");
        return form;
    }

    Task<HttpResponseMessage> Upload(byte[]? file, string? password = null, string user = Leader, HttpClient? client = null) =>
        (client ?? _admin).PutAsync($"/api/v1/admin/signing-certificates/{user}", Form(file, password));

    /// <summary>A certificate of the test authority with the given key usage and validity (the authority carries its key).</summary>
    X509Certificate2 Issue(X509KeyUsageFlags usage, DateTimeOffset from, DateTimeOffset to)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Hoàng Văn Em, O=UBND tỉnh Tuyên Quang, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        using var issued = request.Create(_pki.Authority, from, to, RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    static readonly DateTimeOffset LongAgo = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), FarAhead = new(2035, 1, 1, 0, 0, 0, TimeSpan.Zero);

    static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.Expect(status);
        problem.GetProperty("code").GetString().ShouldBe(code);
        return problem;
    }

    [Test]
    public async Task Should_refuse_a_wrong_password_naming_the_file()
    {
        var problem = await Problem(await Upload(_pki.Valid.Export(X509ContentType.Pkcs12, "đúng-mật-khẩu"), "sai"), HttpStatusCode.UnprocessableEntity, "bad-pkcs12");
        problem.GetRawText().ShouldContain("sai mật khẩu");
    }

    [Test]
    public async Task Should_refuse_an_expired_certificate() =>
        (await Problem(await Upload(TestPki.Pkcs12(_pki.Expired)), HttpStatusCode.UnprocessableEntity, "certificate-expired")).GetRawText().ShouldContain("hết hạn");

    [Test]
    public async Task Should_refuse_a_certificate_not_yet_valid() =>
        await Problem(await Upload(TestPki.Pkcs12(Issue(X509KeyUsageFlags.DigitalSignature, new(2034, 1, 1, 0, 0, 0, TimeSpan.Zero), FarAhead))),
            HttpStatusCode.UnprocessableEntity, "certificate-not-yet-valid");

    [Test]
    public async Task Should_refuse_a_revoked_certificate() =>
        (await Problem(await Upload(TestPki.Pkcs12(_pki.Revoked)), HttpStatusCode.UnprocessableEntity, "certificate-revoked")).GetRawText().ShouldContain("thu hồi");

    [Test]
    public async Task Should_refuse_a_certificate_from_an_authority_not_trusted() =>
        await Problem(await Upload(TestPki.Pkcs12(_otherPki.Valid)), HttpStatusCode.UnprocessableEntity, "certificate-untrusted");

    [Test]
    public async Task Should_refuse_a_certificate_not_issued_for_signing() =>
        (await Problem(await Upload(TestPki.Pkcs12(Issue(X509KeyUsageFlags.KeyEncipherment, LongAgo, FarAhead))), HttpStatusCode.UnprocessableEntity,
            "certificate-key-usage")).GetProperty("field").GetString().ShouldBe("file");

    [Test]
    public async Task Should_refuse_a_file_without_the_private_key()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(_pki.Valid.RawData);
        await Problem(await Upload(publicOnly.Export(X509ContentType.Pkcs12)), HttpStatusCode.UnprocessableEntity, "no-private-key");
    }

    [Test]
    public async Task Should_refuse_an_empty_upload_and_an_unknown_official()
    {
        await Problem(await Upload(null, "mật khẩu"), HttpStatusCode.BadRequest, "file-required");
        await Problem(await Upload(TestPki.Pkcs12(_pki.Valid), user: "khong.co.ai"), HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task Should_let_only_a_system_administrator_upload()
    {
        (await Upload(TestPki.Pkcs12(_pki.Valid), client: await _api.As("ys.admin"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Upload(TestPki.Pkcs12(_pki.Valid), client: await _api.As(Leader))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _api.Anonymous().GetAsync("/api/v1/admin/signing-certificates")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Should_list_replace_and_remove_a_certificate_with_an_audit_row_each_time()
    {
        const string official = "ys.deputy";
        var stored = await (await Upload(_pki.Deputy.Export(X509ContentType.Pkcs12, "mật khẩu"), "mật khẩu", official)).Expect(HttpStatusCode.OK);
        stored.GetProperty("serialNumber").GetString().ShouldBe(_pki.Deputy.SerialNumber);
        var replaced = await (await Upload(TestPki.Pkcs12(_pki.Valid), user: official)).Expect(HttpStatusCode.OK);
        replaced.GetProperty("serialNumber").GetString().ShouldBe(_pki.Valid.SerialNumber);

        var list = await (await _admin.GetAsync("/api/v1/admin/signing-certificates")).Expect(HttpStatusCode.OK);
        var row = list.EnumerateArray().Single(c => c.GetProperty("userName").GetString() == official);
        row.GetProperty("subject").GetString()!.ShouldContain("Nguyễn Văn An");
        row.GetProperty("notAfter").GetDateTimeOffset().ShouldBe(new DateTimeOffset(_pki.Valid.NotAfter.ToUniversalTime()));
        row.GetRawText().ShouldNotContain("pkcs12", Case.Insensitive);

        (await _admin.DeleteAsync($"/api/v1/admin/signing-certificates/{official}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _admin.DeleteAsync($"/api/v1/admin/signing-certificates/{official}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await _admin.GetAsync("/api/v1/admin/signing-certificates")).Expect(HttpStatusCode.OK)).EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("userName").GetString() == official);

        await using var command = _api.Factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT action, status_code FROM accounts.audit_log WHERE resource_id = $1 AND action LIKE 'signing-certificate.%' ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = official });
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add($"{reader.GetString(0)} {reader.GetInt32(1)}");
        rows.ShouldBe(["signing-certificate.upload 200", "signing-certificate.upload 200", "signing-certificate.remove 204", "signing-certificate.remove 404"]);
    }

    /// <summary>
    /// A dossier received for <paramref name="applicant"/> (whose phone ends in the second factor), assigned, appraised with
    /// <paramref name="registrationNumber"/> and approved by the section head: it waits for the leader's signature.
    /// </summary>
    async Task<(Guid Id, string Code)> ApprovedDossierAsync(string applicant, string phone, string registrationNumber)
    {
        var (id, code) = await Dossiers.ReceiveAsync(_api, applicant, phone);
        var head = await _api.As("ys.economy.section-head");
        await (await head.Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" })).Expect(HttpStatusCode.OK);
        await (await (await _api.As("ys.economy.specialist")).Post($"/api/v1/dossiers/{id}/appraisal", new
        {
            notes = "Đủ điều kiện", draftResult = "Cấp Giấy chứng nhận đăng ký hộ kinh doanh",
            fields = new Dictionary<string, string> { ["registrationNumber"] = registrationNumber },
        })).Expect(HttpStatusCode.OK);
        await (await head.Post($"/api/v1/dossiers/{id}/approval", new { comment = "Đồng ý" })).Expect(HttpStatusCode.OK);
        return (id, code);
    }

    /// <summary>What the public verification answers for <paramref name="pdf"/>, uploaded as <paramref name="fileName"/>.</summary>
    async Task<JsonElement> VerifiedAsync(byte[] pdf, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await (await _api.Anonymous().PostAsync("/api/v1/public/verify", form)).Expect(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_let_the_citizen_download_the_signed_result_with_the_code_and_second_factor_only()
    {
        (await Upload(TestPki.Pkcs12(_pki.Valid))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (id, code) = await ApprovedDossierAsync("Lê Thị Hoa", "0987005678", "31A8005678");
        await (await (await _api.As(Leader)).Post($"/api/v1/dossiers/{id}/signature", new { })).Expect(HttpStatusCode.OK);

        var anonymous = _api.Anonymous();
        var tracked = await (await anonymous.Post("/api/v1/public/tracking", new { code, secondFactor = "5678" })).Expect(HttpStatusCode.OK);
        tracked.GetProperty("signedResultReady").GetBoolean().ShouldBeTrue();
        (await anonymous.Post("/api/v1/public/tracking/signed-result", new { code, secondFactor = "1111" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var download = await anonymous.Post("/api/v1/public/tracking/signed-result", new { code, secondFactor = "5678" });
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var verified = await VerifiedAsync(await download.Content.ReadAsByteArrayAsync(), $"ket-qua-{code}.pdf");
        verified.GetProperty("valid").GetBoolean().ShouldBeTrue();
        verified.GetProperty("issuedHere").GetBoolean().ShouldBeTrue();
        verified.GetProperty("dossierCode").GetString().ShouldBe(code);
        verified.GetProperty("signerName").GetString().ShouldBe("Nguyễn Văn An");
    }

    [Test]
    public async Task Should_sign_the_leaders_refusal_and_serve_it_as_a_signed_form_that_verifies_as_issued_here()
    {
        (await Upload(TestPki.Pkcs12(_pki.Valid))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (id, code) = await ApprovedDossierAsync("Trần Văn Bình", "0987001234", "31A8001234");
        var leader = await _api.As(Leader);
        await (await leader.Post($"/api/v1/dossiers/{id}/refusal", new { reason = "Địa điểm nằm trong hành lang an toàn giao thông" })).Expect(HttpStatusCode.OK);

        (await leader.GetAsync($"/api/v1/dossiers/{id}/signed-result")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await Problem(await leader.GetAsync($"/api/v1/dossiers/{id}/signed-forms/receipt"), HttpStatusCode.BadRequest, "unknown-signed-form");
        (await leader.GetAsync($"/api/v1/dossiers/{id}/signed-forms/apology")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var download = await leader.GetAsync($"/api/v1/dossiers/{id}/signed-forms/refusal");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var verified = await VerifiedAsync(await download.Content.ReadAsByteArrayAsync(), $"phieu-tu-choi-{code}.pdf");
        verified.GetProperty("valid").GetBoolean().ShouldBeTrue();
        verified.GetProperty("issuedHere").GetBoolean().ShouldBeTrue();
        verified.GetProperty("dossierCode").GetString().ShouldBe(code);
        verified.GetProperty("signerName").GetString().ShouldBe("Nguyễn Văn An");
    }
}
