using System.Net;

namespace Api.Tests.Sample;

/// <summary>Sample dossiers through the API: household business registration at the Yên Sơn one-stop shop.</summary>
public static class Dossiers
{
    public const string Procedure = "2.000720";
    public const string Shop = "001.01.31.H29";
    public const string Phone = "0912345678";

    public static async Task<object> CounterReception(SampleApi api, string name = "Nguyễn Văn An", string phone = Phone, string address = "Thôn 1, xã Yên Sơn")
    {
        var (procedure, required) = await api.ProcedureAsync(Procedure);
        return new
        {
            receivingUnitId = await api.UnitAsync(Shop), procedureId = procedure,
            applicant = new { fullName = name, idNumber = "001085012345", phone, address },
            documents = required.Select(id => new { procedureDocumentId = id }).ToArray(),
        };
    }

    /// <summary>Received at the counter by <c>ys.clerk</c>: status Accepted, waiting at <c>assign</c>.</summary>
    public static async Task<(Guid Id, string Code)> ReceiveAsync(SampleApi api, string name = "Nguyễn Văn An", string phone = Phone)
    {
        var clerk = await api.As("ys.clerk");
        var receipt = await (await clerk.Post("/api/v1/dossiers", await CounterReception(api, name, phone))).Expect(HttpStatusCode.Created);
        return (receipt.GetProperty("dossierId").GetGuid(), receipt.GetProperty("code").GetString()!);
    }
}
