using System.Net;
using System.Net.Http.Headers;

namespace Api.Tests.Sample;

/// <summary>What a citizen does through the API in these tests.</summary>
public static class Citizen
{
    /// <summary>Submits household business registration online at the Yên Sơn one-stop shop, with an uploaded scan; returns the dossier id.</summary>
    public static async Task<Guid> SubmitAsync(SampleApi api, HttpClient citizen, string name = "Nguyễn Văn An", byte[]? scan = null)
    {
        var attachment = await UploadAsync(citizen, scan ?? "%PDF-1.5\ngiay de nghi\n"u8.ToArray(), "giấy đề nghị.pdf");
        var (procedure, required) = await api.ProcedureAsync(Dossiers.Procedure);
        var body = new
        {
            receivingUnitId = await api.UnitAsync(Dossiers.Shop), procedureId = procedure,
            applicant = new { fullName = name, idNumber = "001085099999", phone = "0901000001" },
            documents = required.Select((id, i) => new { procedureDocumentId = id, attachmentId = i == 0 ? attachment : (Guid?)null }).ToArray(),
        };
        var submitted = await (await citizen.Post("/api/v1/citizen/dossiers", body)).Expect(HttpStatusCode.Created);
        return submitted.GetProperty("dossierId").GetGuid();
    }

    public static async Task<Guid> UploadAsync(HttpClient client, byte[] content, string name, string contentType = "application/pdf")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        return (await (await client.PostAsync("/api/v1/attachments", form)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
