using System.Net;
using Api.Dossiers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Api.Tests.Sample;

/// <summary>The supplement rules over HTTP: who may read and set them, what a bad value answers, and what is audited.</summary>
public sealed class When_supplement_rules_are_set_over_http
{
    private const string ConstructionPermit = "1.009994";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [Test]
    public async Task Should_show_the_construction_permit_its_own_one_time_supplement_over_the_province_default()
    {
        var (procedure, _) = await _api.ProcedureAsync(ConstructionPermit);
        var admin = await _api.As("admin");

        var rules = await (await admin.GetAsync($"/api/v1/admin/catalogue/procedures/{procedure}/supplement-rules")).Expect(HttpStatusCode.OK);

        var effective = rules.GetProperty("effective");
        (effective.GetProperty("maxRequests").GetInt32(), effective.GetProperty("windowDays").GetInt32(), effective.GetProperty("citizenDays").GetInt32())
            .ShouldBe((1, 7, 5));
        effective.GetProperty("legalBasis").GetString()!.ShouldContain("175/2024/NĐ-CP");
        var defaults = await (await admin.GetAsync("/api/v1/admin/supplement-rules")).Expect(HttpStatusCode.OK);
        defaults.GetProperty("policy").GetProperty("windowDays").GetInt32().ShouldBe(3);
    }

    [TestCase("maxRequests", 0)]
    [TestCase("citizenDays", 0)]
    [TestCase("windowDays", 91)]
    public async Task Should_answer_a_problem_naming_the_field_of_a_value_out_of_range_and_change_nothing(string field, int value)
    {
        var (procedure, _) = await _api.ProcedureAsync(ConstructionPermit);
        var admin = await _api.As("admin");
        var body = new Dictionary<string, object?> { ["maxRequests"] = 1, ["windowDays"] = 7, ["citizenDays"] = 5, ["legalBasis"] = "Nghị định 175/2024/NĐ-CP", [field] = value };

        var response = await admin.Send(HttpMethod.Put, $"/api/v1/admin/catalogue/procedures/{procedure}/supplement-rules", body);
        var problem = await response.Expect(HttpStatusCode.UnprocessableEntity);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("field").GetString().ShouldBe(field);
        var defaults = new Dictionary<string, object?> { ["maxRequests"] = 1, ["windowDays"] = 3, ["citizenDays"] = 10, ["onExpiry"] = "Refuse", ["legalBasis"] = "x", [field] = value };
        (await (await admin.Send(HttpMethod.Put, "/api/v1/admin/supplement-rules", defaults)).Expect(HttpStatusCode.UnprocessableEntity))
            .GetProperty("field").GetString().ShouldBe(field);
        (await (await admin.GetAsync($"/api/v1/admin/catalogue/procedures/{procedure}/supplement-rules")).Expect(HttpStatusCode.OK))
            .GetProperty("effective").GetProperty("windowDays").GetInt32().ShouldBe(7);
    }

    [Test]
    public async Task Should_refuse_a_clerk_and_audit_the_change_an_admin_makes()
    {
        var (procedure, _) = await _api.ProcedureAsync(ConstructionPermit);
        var url = $"/api/v1/admin/catalogue/procedures/{procedure}/supplement-rules";
        var same = new { maxRequests = 1, windowDays = 7, citizenDays = 5, onExpiry = "Refuse", legalBasis = "Nghị định 175/2024/NĐ-CP (kiểm tra lại)" };

        await (await (await _api.As("ys.clerk")).Send(HttpMethod.Put, url, same)).Expect(HttpStatusCode.Forbidden);
        var saved = await (await (await _api.As("admin")).Send(HttpMethod.Put, url, same)).Expect(HttpStatusCode.OK);

        saved.GetProperty("updatedBy").GetString().ShouldBe("admin");
        await using var cmd = _api.Factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT string_agg(user_name || ' ' || status_code, ',' ORDER BY id) FROM accounts.audit_log WHERE action = 'procedure.supplement-rules.update' AND resource_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = procedure.ToString() });
        ((string)(await cmd.ExecuteScalarAsync())!).ShouldEndWith("ys.clerk 403,admin 200");
    }

    [Test]
    public async Task Should_list_a_dossier_waiting_for_the_citizen_in_no_overdue_or_due_soon_inbox()
    {
        var clerk = await _api.As("ys.clerk");
        var reception = await Dossiers.CounterReception(_api, "Chờ Bổ Sung", "0914999001");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(reception, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!.AsObject();
        body["documents"] = new System.Text.Json.Nodes.JsonArray();
        body["decision"] = "RequestSupplement";
        body["reason"] = "Thiếu giấy tờ";
        var receipt = await (await clerk.Post("/api/v1/dossiers", body)).Expect(HttpStatusCode.Created);
        receipt.GetProperty("status").GetString().ShouldBe(nameof(DossierStatus.SupplementRequested));
        var dossierId = receipt.GetProperty("dossierId").GetGuid();

        await using var scope = _api.Factory.Services.CreateAsyncScope();
        var actor = (await scope.ServiceProvider.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var query = scope.ServiceProvider.GetRequiredService<InboxQuery>();
        // Weeks later, far past the waiting step's budget in the workflow.
        var later = DateTimeOffset.UtcNow.AddDays(30);

        var unit = await query.ListAsync(actor, InboxScope.Unit, null, later, later.AddDays(1), 1, 500, CancellationToken.None, InboxSort.DueSoonest, receipt.GetProperty("code").GetString());
        var waiting = unit.Items.Single(i => i.DossierId == dossierId);
        waiting.StepId.ShouldBe(DossierSteps.AwaitSupplement);
        waiting.IsOverdue.ShouldBeFalse();
        foreach (var scope2 in new[] { InboxScope.Overdue, InboxScope.DueSoon })
            (await query.ListAsync(actor, scope2, null, later, later.AddDays(30), 1, 500, CancellationToken.None, InboxSort.DueSoonest, receipt.GetProperty("code").GetString()))
                .Items.ShouldNotContain(i => i.DossierId == dossierId);
    }
}
