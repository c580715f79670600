using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Sample;

/// <summary>
/// Control characters are refused with a problem naming the field, wherever the text arrives (JSON body, query, anonymous
/// endpoints); invisible format characters are dropped from names and codes; text is stored and searched in NFC.
/// </summary>
public sealed class When_text_is_not_clean
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private Task<int> DossierCount() => _api.Db(db => db.Dossiers.CountAsync());

    private static async Task<JsonElement> ExpectProblem(HttpResponseMessage response, string field)
    {
        var problem = await response.Expect(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("field").GetString().ShouldBe(field);
        return problem;
    }

    [TestCase("Nguyễn\u0000Văn An", "Thôn 1", "applicant.fullName")]
    [TestCase("Nguyễn Văn An\u0007", "Thôn 1", "applicant.fullName")]
    [TestCase("Nguyễn \u001b[31mVăn An", "Thôn 1", "applicant.fullName")]
    [TestCase("Nguyễn Văn An\r\nBcc: x@example.vn", "Thôn 1", "applicant.fullName")]
    [TestCase("Nguyễn Văn An", "Thôn 1\u0000, xã Yên Sơn", "applicant.address")]
    [TestCase("Nguyễn Văn An", "Thôn 1\u0085, xã Yên Sơn", "applicant.address")]
    public async Task Should_refuse_a_control_character_in_a_name_or_address_and_receive_nothing(string name, string address, string field)
    {
        var before = await DossierCount();
        var response = await (await _api.As("ys.clerk")).Post("/api/v1/dossiers", await Dossiers.CounterReception(_api, name, address: address));
        var problem = await ExpectProblem(response, field);
        problem.GetProperty("code").GetString().ShouldBe("control-character");
        (await DossierCount()).ShouldBe(before);
    }

    [Test]
    public async Task Should_answer_in_english_when_asked()
    {
        var client = await _api.As("ys.clerk");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var problem = await ExpectProblem(await client.Post("/api/v1/dossiers", await Dossiers.CounterReception(_api, "An\u0000")), "applicant.fullName");
        problem.GetProperty("detail").GetString()!.ShouldContain("control character");
    }

    [Test]
    public async Task Should_refuse_a_nul_in_the_anonymous_tracking_code()
    {
        var response = await _api.Anonymous().Post("/api/v1/public/tracking", new { code = "001.01.31.H29-261207-0001\u0000", secondFactor = "1234" });
        await ExpectProblem(response, "code");
    }

    [Test]
    public async Task Should_refuse_a_nul_in_a_query_parameter()
    {
        var response = await _api.Anonymous().GetAsync("/api/v1/catalogue/procedures?text=h%E1%BB%99%00kinh");
        await ExpectProblem(response, "text");
    }

    [Test]
    public async Task Should_refuse_a_nul_in_free_text_but_keep_its_line_breaks()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        var clerk = await _api.As("ys.clerk");
        await ExpectProblem(await clerk.Post($"/api/v1/dossiers/{id}/withdrawal", new { reason = "Công dân\u0000 xin rút" }), "reason");
        (await _api.Db(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Status).SingleAsync())).ShouldBe(Procedures.Dossiers.DossierStatus.Accepted);

        await (await clerk.Post($"/api/v1/dossiers/{id}/withdrawal", new { reason = "Công dân xin rút:\r\n\t- lý do cá nhân" })).Expect(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_drop_bidi_overrides_and_zero_width_characters_from_a_name()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api, "Nguyễn\u200B Văn \u202EAn\u202C\uFEFF");
        (await _api.Db(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Applicant.FullName).SingleAsync())).ShouldBe("Nguyễn Văn An");
    }

    [Test]
    public async Task Should_store_a_name_typed_in_nfd_as_nfc_and_find_it_either_way()
    {
        const string name = "Trần Thị Ngọc Ánh Hưởng";
        var decomposed = name.Normalize(NormalizationForm.FormD);
        decomposed.ShouldNotBe(name);
        var (id, _) = await Dossiers.ReceiveAsync(_api, decomposed);
        (await _api.Db(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Applicant.FullName).SingleAsync())).ShouldBe(name);

        var clerk = await _api.As("ys.clerk");
        foreach (var typed in new[] { name, decomposed })
        {
            var page = await (await clerk.Post("/api/v1/dossiers/search", new { applicantName = typed, pageSize = 200 })).Expect(HttpStatusCode.OK);
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);
        }
    }
}
