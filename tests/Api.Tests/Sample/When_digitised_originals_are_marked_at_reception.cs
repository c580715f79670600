using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Tests.Shared;

namespace Api.Tests.Sample;

/// <summary>The clerk marks which scans are the digitised originals; the dossier keeps the mark and the receipt lists them.</summary>
public sealed class When_digitised_originals_are_marked_at_reception
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private static async Task<(Guid Id, string Sha256)> UploadScan(HttpClient clerk, string text)
    {
        using var form = new MultipartFormDataContent();
        var bytes = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "ban-goc.pdf");
        var uploaded = await (await clerk.PostAsync("/api/v1/attachments", form)).Expect(HttpStatusCode.Created);
        return (uploaded.GetProperty("id").GetGuid(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private async Task<object> Reception(IReadOnlyList<object> documents)
    {
        var (procedure, _) = await _api.ProcedureAsync(Dossiers.Procedure);
        return new
        {
            receivingUnitId = await _api.UnitAsync(Dossiers.Shop), procedureId = procedure,
            applicant = new { fullName = "Hoàng Văn Số", idNumber = "001085012345", phone = Dossiers.Phone, address = "Thôn 2, xã Yên Sơn" },
            documents,
        };
    }

    [Test]
    public async Task Should_keep_the_mark_and_list_the_scan_on_the_receipt()
    {
        var clerk = await _api.As("ys.clerk");
        var (_, required) = await _api.ProcedureAsync(Dossiers.Procedure);
        var (scan, sha) = await UploadScan(clerk, "giấy đề nghị " + Guid.NewGuid());
        var documents = required.Select((id, i) => i == 0
            ? (object)new { procedureDocumentId = id, attachmentId = scan, digitisedOriginal = true }
            : new { procedureDocumentId = id }).ToList();

        var receipt = await (await clerk.Post("/api/v1/dossiers", await Reception(documents))).Expect(HttpStatusCode.Created);
        var id = receipt.GetProperty("dossierId").GetGuid();

        var dossier = await (await clerk.GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.OK);
        var marked = dossier.GetProperty("dossier").GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("digitisedOriginal").GetBoolean()).ToList();
        marked.Count.ShouldBe(1);
        marked[0].GetProperty("attachmentId").GetGuid().ShouldBe(scan);
        var name = marked[0].GetProperty("name").GetString()!;

        var pdf = await clerk.GetAsync($"/ui/ho-so/{id}/mau/01");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Bản số hóa từ bản gốc");
        text.ShouldContain($"{sha[..8]}…{sha[^8..]}");
        text.ShouldContain("Số hóa bởi");
        text.Split('\n').Single(l => l.Contains(sha[..8], StringComparison.Ordinal)).ShouldContain("1"); // one numbered row
        text.ShouldContain(name[..Math.Min(12, name.Length)]);
    }

    [Test]
    public async Task Should_refuse_a_mark_without_a_scan_naming_the_documents()
    {
        var clerk = await _api.As("ys.clerk");
        var (_, required) = await _api.ProcedureAsync(Dossiers.Procedure);
        var documents = required.Select(id => (object)new { procedureDocumentId = id, digitisedOriginal = true }).ToList();

        var response = await clerk.Post("/api/v1/dossiers", await Reception(documents));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("code").GetString().ShouldBe("digitised-without-scan");
        problem.GetRawText().ShouldContain("documents");
    }

    [Test]
    public async Task Should_leave_scans_unmarked_unless_the_clerk_marks_them()
    {
        var clerk = await _api.As("ys.clerk");
        var (_, required) = await _api.ProcedureAsync(Dossiers.Procedure);
        var (scan, sha) = await UploadScan(clerk, "bản chụp " + Guid.NewGuid());
        var documents = required.Select((id, i) => i == 0 ? (object)new { procedureDocumentId = id, attachmentId = scan } : new { procedureDocumentId = id }).ToList();

        var id = (await (await clerk.Post("/api/v1/dossiers", await Reception(documents))).Expect(HttpStatusCode.Created)).GetProperty("dossierId").GetGuid();

        var dossier = await (await clerk.GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.OK);
        dossier.GetProperty("dossier").GetProperty("documents").EnumerateArray().ShouldAllBe(d => !d.GetProperty("digitisedOriginal").GetBoolean());
        var text = PdfText.Of(await (await clerk.GetAsync($"/ui/ho-so/{id}/mau/01")).Content.ReadAsByteArrayAsync());
        text.ShouldNotContain("Bản số hóa từ bản gốc");
        text.ShouldNotContain(sha[..8]);
    }
}
