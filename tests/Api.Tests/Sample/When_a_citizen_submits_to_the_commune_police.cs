using System.Net;
using Api.Accounts;

namespace Api.Tests.Sample;

/// <summary>Residence registration is received at the commune's one-stop shop and processed by the commune police.</summary>
public sealed class When_a_citizen_submits_to_the_commune_police
{
    private const string PermanentResidence = "1.004194", YenSonPolice = "000.01.41.H29";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [Test]
    public async Task Should_name_the_police_as_processing_unit_and_be_received_for_it()
    {
        var citizen = await _api.As(DemoAccounts.CitizenA);
        var (procedure, required) = await _api.ProcedureAsync(PermanentResidence);
        var shop = await _api.UnitAsync(Dossiers.Shop);
        object Body(Guid? processingUnitId) => new
        {
            receivingUnitId = shop, procedureId = procedure, processingUnitId,
            applicant = new { fullName = "Nguyễn Thị Cư Trú", idNumber = "001085077777", phone = "0901000077" },
            documents = required.Select(id => new { procedureDocumentId = id }).ToArray(),
        };

        var unnamed = await citizen.Post("/api/v1/citizen/dossiers", Body(null));
        var submitted = await (await citizen.Post("/api/v1/citizen/dossiers", Body(await _api.UnitAsync(YenSonPolice)))).Expect(HttpStatusCode.Created);
        var id = submitted.GetProperty("dossierId").GetGuid();
        var receipt = await (await (await _api.As("ys.clerk")).Post($"/api/v1/dossiers/{id}/reception", new { decision = "Accept" })).Expect(HttpStatusCode.OK);

        unnamed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        receipt.GetProperty("status").GetString().ShouldBe("Accepted");
        (await (await _api.As("ys.police.section-head")).GetAsync($"/api/v1/dossiers/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
