using System.Net;

namespace Api.Tests.Sample;

/// <summary>Steps without an endpoint of their own go through <c>/steps/{step}/actions/{action}</c>, with the step's role checked.</summary>
public sealed class When_a_library_step_is_taken_over_http
{
    private const string Marriage = "1.000894";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [Test]
    public async Task Should_verify_a_marriage_by_the_specialist_and_refuse_others_and_actions_with_their_own_endpoint()
    {
        var clerk = await _api.As("ys.clerk");
        var specialist = await _api.As("ys.specialist2");
        var (procedure, required) = await _api.ProcedureAsync(Marriage);
        var receipt = await (await clerk.Post("/api/v1/dossiers", new
        {
            receivingUnitId = await _api.UnitAsync(Dossiers.Shop), procedureId = procedure,
            applicant = new { fullName = "Trần Văn Bình", idNumber = "001090012345", phone = "0912000111", address = "Thôn 2, xã Yên Sơn" },
            documents = required.Select(id => new { procedureDocumentId = id }).ToArray(),
        })).Expect(HttpStatusCode.Created);
        var id = receipt.GetProperty("dossierId").GetGuid();
        var verify = new { comment = "Cần xác minh", fields = new Dictionary<string, string> { ["verificationReason"] = "Xác minh tình trạng hôn nhân" } };

        (await clerk.Post($"/api/v1/dossiers/{id}/steps/process/actions/verify", verify)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var verifying = await (await specialist.Post($"/api/v1/dossiers/{id}/steps/process/actions/verify", verify)).Expect(HttpStatusCode.OK);
        verifying.GetProperty("openSteps")[0].GetString().ShouldBe("verify");
        var verified = await (await specialist.Post($"/api/v1/dossiers/{id}/steps/verify/actions/submit",
            new { fields = new Dictionary<string, string> { ["verificationResult"] = "Đủ điều kiện kết hôn" } })).Expect(HttpStatusCode.OK);
        verified.GetProperty("openSteps")[0].GetString().ShouldBe("sign");

        var signature = await (await _api.As("ys.leader")).Post($"/api/v1/dossiers/{id}/steps/sign/actions/sign", new { });
        signature.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await signature.Content.ReadAsStringAsync()).ShouldContain("use-case-required");
    }
}
