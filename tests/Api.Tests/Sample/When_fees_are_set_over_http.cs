using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Common;

namespace Api.Tests.Sample;

/// <summary>
/// Fees with periods and exemptions over HTTP: a bad period answers a problem naming its field, and the public detail shows
/// only the rules in force today, with who is exempt and by which text; the change is audited.
/// </summary>
public sealed class When_fees_are_set_over_http
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private async Task<Dictionary<string, object?>> DraftAsync(string code, object[] fees)
    {
        var sector = await _api.Db(db => db.Sectors.Select(s => s.Id).FirstAsync());
        return new()
        {
            ["code"] = code, ["name"] = $"Thủ tục thử phí {code}", ["level"] = "commune", ["sectorId"] = sector,
            ["timeLimitKind"] = "WorkingDays", ["timeLimitAmount"] = 3, ["channels"] = new[] { "Counter", "Online" },
            ["documents"] = new[] { new { name = "Tờ khai", copies = 1, form = "Original" } }, ["fees"] = fees,
        };
    }

    [Test]
    public async Task Should_answer_a_problem_naming_the_later_of_two_overlapping_periods()
    {
        var admin = await _api.As("admin");
        var body = await DraftAsync("TEST.FEE.1", [
            new { name = "Lệ phí", kind = "Fixed", amount = 50_000, effectiveTo = "2027-06-30" },
            new { name = "Lệ phí", kind = "Fixed", amount = 60_000, effectiveFrom = "2027-06-01" },
        ]);

        var response = await admin.Post("/api/v1/admin/catalogue/procedures", body);

        var problem = await response.Expect(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("field").GetString().ShouldBe("fees[1].effectiveFrom");
        (await _api.Db(db => db.Procedures.AnyAsync(p => p.Code == "TEST.FEE.1"))).ShouldBeFalse();
    }

    [Test]
    public async Task Should_show_the_public_only_the_fee_in_force_today_with_its_exemptions_and_audit_the_change()
    {
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        var admin = await _api.As("admin");
        var created = await (await admin.Post("/api/v1/admin/catalogue/procedures",
            await DraftAsync("TEST.FEE.2", [new { name = "Lệ phí", kind = "Fixed", amount = 50_000 }]))).Expect(HttpStatusCode.OK);
        var id = created.GetProperty("id").GetGuid();
        var body = await DraftAsync("TEST.FEE.2", [
            new { name = "Lệ phí", kind = "Fixed", amount = 50_000, effectiveTo = today.AddDays(-1).ToString("yyyy-MM-dd") },
            new
            {
                name = "Lệ phí", kind = "Fixed", amount = 60_000, effectiveFrom = today.ToString("yyyy-MM-dd"),
                exemptions = new[] { new { applicantCategory = "Người có công với cách mạng", reductionPercent = 100, legalBasis = "Thông tư 85/2019/TT-BTC" } },
            },
        ]);
        await (await admin.Send(HttpMethod.Put, $"/api/v1/admin/catalogue/procedures/{id}", body)).Expect(HttpStatusCode.OK);

        var detail = await (await _api.Anonymous().GetAsync($"/api/v1/catalogue/procedures/{id}")).Expect(HttpStatusCode.OK);

        detail.GetProperty("fees").GetArrayLength().ShouldBe(2);
        var inForce = detail.GetProperty("feesInForce").EnumerateArray().ShouldHaveSingleItem();
        inForce.GetProperty("amount").GetDecimal().ShouldBe(60_000);
        inForce.GetProperty("exemptions")[0].GetProperty("legalBasis").GetString().ShouldBe("Thông tư 85/2019/TT-BTC");
        await using var cmd = _api.Factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT count(*) FROM accounts.audit_log WHERE action = 'procedure.update' AND resource_id = $1 AND user_name = 'admin'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
        ((long)(await cmd.ExecuteScalarAsync())!).ShouldBe(1);
    }
}
