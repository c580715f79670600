using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Sample;

/// <summary>The agency's dossier time rules over HTTP: who may set them, what a bad value answers, and what is audited.</summary>
public sealed class When_dossier_rules_are_set_over_http
{
    private const string Url = "/api/v1/admin/dossier-rules";
    // Today's values: saving them is a real, audited change that moves no other test's dates on the shared sample.
    private static readonly object Today = new { apologyNoticeDays = 1, supplementReminderDays = 2, onlineCheckDays = 1, dueSoonDays = 1 };
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [TestCase("supplementReminderDays", 11)]
    [TestCase("supplementReminderDays", 0.25)]
    [TestCase("apologyNoticeDays", 0.5)]
    [TestCase("dueSoonDays", 0)]
    public async Task Should_answer_a_problem_naming_the_field_of_a_value_out_of_range(string field, double value)
    {
        var admin = await _api.As("admin");
        var body = new Dictionary<string, object?> { ["apologyNoticeDays"] = 1, ["supplementReminderDays"] = 2, ["onlineCheckDays"] = 1, ["dueSoonDays"] = 1, [field] = value };

        var response = await admin.Send(HttpMethod.Put, Url, body);
        var problem = await response.Expect(HttpStatusCode.UnprocessableEntity);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task Should_refuse_a_clerk_and_audit_the_change_an_admin_makes()
    {
        await (await (await _api.As("ys.clerk")).Send(HttpMethod.Put, Url, Today)).Expect(HttpStatusCode.Forbidden);
        await (await (await _api.As("ys.clerk")).GetAsync(Url)).Expect(HttpStatusCode.Forbidden);
        var saved = await (await (await _api.As("admin")).Send(HttpMethod.Put, Url, Today)).Expect(HttpStatusCode.OK);

        (saved.GetProperty("isDefault").GetBoolean(), saved.GetProperty("changedBy").GetString(), saved.GetProperty("supplementReminderDays").GetDecimal())
            .ShouldBe((false, "admin", 2m));
        (await (await (await _api.As("admin")).GetAsync(Url)).Expect(HttpStatusCode.OK)).GetProperty("changedBy").GetString().ShouldBe("admin");
        await using var cmd = _api.Factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT string_agg(user_name || ' ' || status_code, ',' ORDER BY id) FROM accounts.audit_log WHERE action = 'dossier-rules.update'");
        ((string)(await cmd.ExecuteScalarAsync())!).ShouldEndWith("ys.clerk 403,admin 200");
    }
}
