using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Api.Tests.Sample;

/// <summary>
/// The blank form of a procedure's document: the administrator uploads it, the public downloads the same bytes, and a file
/// that is not what it claims, too large, or sent by someone else is refused with a problem naming the field.
/// </summary>
public sealed class When_a_template_file_is_uploaded_over_http
{
    private const string BirthRegistration = "1.001193";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private static MultipartFormDataContent Form(string name, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var part in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(part).Open());
                writer.Write("<x/>");
            }
        return buffer.ToArray();
    }

    private async Task<(Guid Procedure, Guid Document)> FirstDocumentAsync()
    {
        var (procedure, required) = await _api.ProcedureAsync(BirthRegistration);
        return (procedure, required[0]);
    }

    private static string Url(Guid procedure, Guid document, bool admin) =>
        (admin ? "/api/v1/admin/catalogue" : "/api/v1/catalogue") + $"/procedures/{procedure}/documents/{document}/template";

    [Test]
    public async Task Should_let_anyone_download_the_form_an_administrator_uploaded_and_show_it_on_the_detail()
    {
        var (procedure, document) = await FirstDocumentAsync();
        var bytes = Docx();

        var saved = await (await (await _api.As("admin")).PutAsync(Url(procedure, document, admin: true), Form("Tờ khai khai sinh.docx", bytes))).Expect(HttpStatusCode.OK);
        saved.GetProperty("hasTemplateFile").GetBoolean().ShouldBeTrue();

        var download = await _api.Anonymous().GetAsync(Url(procedure, document, admin: false));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Tờ khai khai sinh.docx");
        var detail = await (await _api.Anonymous().GetAsync($"/api/v1/catalogue/procedures/{procedure}")).Expect(HttpStatusCode.OK);
        detail.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == document)
            .GetProperty("hasTemplateFile").GetBoolean().ShouldBeTrue();
    }

    [TestCase("mau.pdf", "MZ-an-executable", 422, "file-type-not-allowed")]
    [TestCase("mau.doc", "%PDF-1.4 old word name", 422, "file-type-not-allowed")]
    [TestCase("mau.pdf", "", 422, "file-required")]
    public async Task Should_refuse_a_file_that_is_not_a_form_naming_the_file_field(string name, string content, int status, string code)
    {
        var (procedure, document) = await FirstDocumentAsync();

        var response = await (await _api.As("admin")).PutAsync(Url(procedure, document, admin: true), Form(name, System.Text.Encoding.Latin1.GetBytes(content)));

        var problem = await response.Expect((HttpStatusCode)status);
        (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()).ShouldBe(("file", code));
    }

    [Test]
    public async Task Should_refuse_a_form_over_five_megabytes_and_a_clerk()
    {
        var (procedure, document) = await FirstDocumentAsync();
        var big = new byte[5 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);

        var tooLarge = await (await _api.As("admin")).PutAsync(Url(procedure, document, admin: true), Form("mau.pdf", big));
        (await tooLarge.Expect(HttpStatusCode.RequestEntityTooLarge)).GetProperty("field").GetString().ShouldBe("file");
        await (await (await _api.As("ys.clerk")).PutAsync(Url(procedure, document, admin: true), Form("mau.pdf", "%PDF-1.4"u8.ToArray())))
            .Expect(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Should_answer_not_found_for_a_document_without_a_form()
    {
        var (procedure, _) = await _api.ProcedureAsync(BirthRegistration);

        var response = await _api.Anonymous().GetAsync(Url(procedure, Guid.NewGuid(), admin: false));

        (await response.Expect(HttpStatusCode.NotFound)).GetProperty("field").GetString().ShouldBe("documentId");
    }
}
