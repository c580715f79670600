using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Procedures.Forms;
using Procedures.Signatures;
using Tests.Shared;

namespace Api.Tests;

/// <summary>The public verification endpoint, without an account, against a throwaway CA the host is configured to trust.</summary>
public sealed class When_a_signed_result_is_verified
{
    const string Code = "000.00.07.H29-260303-0001";
    TestPki _pki = null!;
    ApiFactory _factory = null!;
    HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-api-" + Guid.NewGuid().ToString("N")));
        _factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_verify"), new Dictionary<string, string>
        {
            ["Signatures:TrustedCertificateFiles:0"] = _pki.AuthorityFile,
            ["Signatures:CrlFiles:0"] = _pki.CrlFile,
        });
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _pki.Dispose();
    }

    async Task<byte[]> SignedResult()
    {
        var at = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(7));
        var rendered = FormRenderer.Render(new ResultForm(new FormAgency("UBND xã Đạ Tông", "UBND tỉnh Lâm Đồng", "000.00.07.H29", null, null, "Đạ Tông"),
            Code, "Đăng ký thường trú", new FormApplicant("Nguyễn Thị Ánh Tuyết", null, null, null, null), "Đã giải quyết.", "CHỦ TỊCH", "Nguyễn Văn An",
            at, new Uri("https://dichvucong.example.vn/xac-thuc")));
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, $"Kết quả giải quyết hồ sơ {Code}", "UBND xã Đạ Tông",
            LocalKey.Of(_pki.Valid, [_pki.Authority]), at, CancellationToken.None);
        return signed.Value!;
    }

    Task<HttpResponseMessage> Upload(byte[] bytes, string name = "ket-qua.pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return _client.PostAsync("/api/v1/public/verify", form);
    }

    [Test]
    public async Task Should_show_a_valid_signature_with_its_signer_time_and_dossier()
    {
        var response = await Upload(await SignedResult());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await response.Content.ReadFromJsonAsync<Api.Public.VerificationView>())!;
        view.Valid.ShouldBeTrue(view.Problem);
        view.SignerName.ShouldBe("Nguyễn Văn An");
        view.SignerTitle.ShouldBe("Chủ tịch");
        view.DossierCode.ShouldBe(Code);
        view.SignedAt.ShouldBe(new DateTimeOffset(2026, 3, 10, 2, 30, 0, TimeSpan.Zero));
        view.IssuedHere.ShouldBeFalse(); // signed by the test, not stored by this system
        view.SubFilter.ShouldBe("ETSI.CAdES.detached");
        view.Timestamp.ShouldBeNull();
    }

    async Task<Api.Public.VerificationView> Verified(byte[] bytes, HttpClient? client = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "ket-qua.pdf");
        return (await (await (client ?? _client).PostAsync("/api/v1/public/verify", form)).Content.ReadFromJsonAsync<Api.Public.VerificationView>())!;
    }

    byte[] WithValidationData(byte[] signed) => ValidationData.Add(signed,
        TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] }), DateTimeOffset.UtcNow);

    [Test]
    public async Task Should_say_whether_the_document_carries_long_term_validation_data()
    {
        var plain = await Verified(await SignedResult());
        var longTerm = await Verified(WithValidationData(await SignedResult()));

        plain.LongTermValidation.ShouldBeFalse();
        longTerm.Valid.ShouldBeTrue(longTerm.Problem);
        longTerm.LongTermValidation.ShouldBeTrue();
        longTerm.EmbeddedValidationDataUsed.ShouldBeFalse(); // the host's own list is current
        longTerm.Note.ShouldBeNull();
    }

    [Test]
    public async Task Should_check_revocation_with_the_embedded_data_when_the_host_has_no_list_and_say_so()
    {
        await using var offline = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_verify_offline"), new Dictionary<string, string>
        {
            ["Signatures:TrustedCertificateFiles:0"] = _pki.AuthorityFile,
        });
        using var client = offline.CreateClient();

        var view = await Verified(WithValidationData(await SignedResult()), client);

        view.Valid.ShouldBeTrue(view.Problem);
        view.EmbeddedValidationDataUsed.ShouldBeTrue();
        view.Note.ShouldBe("Tình trạng thu hồi chứng thư số được kiểm tra bằng dữ liệu xác thực nhúng trong văn bản.");
    }

    [Test]
    public async Task Should_say_a_changed_document_was_changed()
    {
        var bytes = await SignedResult();
        var at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("/Creator", StringComparison.Ordinal);
        bytes[at + 1] = (byte)'D';

        var view = (await (await Upload(bytes)).Content.ReadFromJsonAsync<Api.Public.VerificationView>())!;

        view.Signed.ShouldBeTrue();
        view.Valid.ShouldBeFalse();
        view.DocumentUnchanged.ShouldBeFalse();
        view.Problem.ShouldBe("Văn bản đã bị thay đổi sau khi ký.");
    }

    [Test]
    public async Task Should_refuse_a_file_that_is_not_a_pdf_naming_the_field()
    {
        var response = await Upload("hello"u8.ToArray(), "note.txt");

        ((int)response.StatusCode).ShouldBeInRange(400, 422);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("not-a-pdf");
    }

    [Test]
    public async Task Should_answer_404_for_an_unknown_result()
    {
        (await _client.GetAsync($"/api/v1/public/verify/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Should_show_the_verification_page_in_Vietnamese()
    {
        var html = System.Net.WebUtility.HtmlDecode(await _client.GetStringAsync("/xac-thuc"));

        html.ShouldContain("Xác thực văn bản điện tử");
        html.ShouldContain("verify-file");
    }
}
