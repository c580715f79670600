using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Sample;

/// <summary>
/// The applicant's details at the counter: a Vietnamese phone number, a 12-digit personal identity number and a length per field,
/// every failing field answered at once in one problem, and nothing written.
/// </summary>
public sealed class When_applicant_details_are_checked_over_http
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private async Task<object> Reception(string name, string? idNumber, string? phone)
    {
        var (procedure, required) = await _api.ProcedureAsync(Dossiers.Procedure);
        return new
        {
            receivingUnitId = await _api.UnitAsync(Dossiers.Shop), procedureId = procedure,
            applicant = new { fullName = name, idNumber, phone, address = "Thôn 1, xã Yên Sơn" },
            documents = required.Select(id => new { procedureDocumentId = id }).ToArray(),
        };
    }

    [Test]
    public async Task Should_refuse_a_short_phone_a_malformed_id_and_a_huge_name_all_at_once_and_write_nothing()
    {
        var before = await _api.Db(db => db.Dossiers.CountAsync());
        var clerk = await _api.As("ys.clerk");
        var problem = await (await clerk.Post("/api/v1/dossiers", await Reception(new string('A', 5600), "12ab", "12345"))).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("applicant.fullName")[0].GetString().ShouldBe("Họ tên dài tối đa 200 ký tự (đang có 5600).");
        errors.GetProperty("applicant.idNumber")[0].GetString().ShouldBe("Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.");
        errors.GetProperty("applicant.phone")[0].GetString()!.ShouldStartWith("Số điện thoại không hợp lệ");
        problem.GetProperty("code").GetString().ShouldBe("validation");
        (await _api.Db(db => db.Dossiers.CountAsync())).ShouldBe(before);
    }

    [TestCase("091234")]
    [TestCase("12345")]
    [TestCase("0123456789")]
    [TestCase("09123456789")]
    public async Task Should_refuse_what_is_not_a_vietnamese_phone_number(string phone)
    {
        var problem = await (await (await _api.As("ys.clerk")).Post("/api/v1/dossiers", await Reception("Nguyễn Văn An", null, phone))).Expect(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["applicant.phone"]);
    }

    [Test]
    public async Task Should_say_the_problems_in_english_when_asked()
    {
        var clerk = await _api.As("ys.clerk");
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var problem = await (await clerk.Post("/api/v1/dossiers", await Reception("Nguyễn Văn An", "0010-85", "091234"))).Expect(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("applicant.idNumber")[0].GetString().ShouldBe("The personal identity number (citizen ID card) is exactly 12 digits.");
        errors.GetProperty("applicant.phone")[0].GetString()!.ShouldStartWith("The phone number is not valid");
    }

    [TestCase("0912 345 678")]
    [TestCase("+84 912.345.678")]
    [TestCase("024 3825 1234")]
    public async Task Should_receive_a_dossier_whose_phone_is_written_as_people_write_it(string phone)
    {
        var receipt = await (await (await _api.As("ys.clerk")).Post("/api/v1/dossiers", await Reception("Trần Thị Hợp Lệ", "001085012345", phone)))
            .Expect(HttpStatusCode.Created);
        receipt.GetProperty("code").GetString().ShouldNotBeNullOrEmpty();
    }
}
