using System.Net;
using System.Net.Http.Json;
using Api.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Sample;

/// <summary>
/// Reads of personal data in bulk (the Form 06 register in every format, the statistics' drill-down list), the printed forms
/// with a citizen's name and identity number (Forms 01 and 05), and change attempts that were refused before they reached
/// the endpoint (no sign-in, wrong role, invalid body) each leave one audit row with who, what, when and the outcome (and
/// the caller's address, which the in-memory test server does not have).
/// </summary>
public sealed class When_personal_data_is_read_or_changed
{
    private const string Period = "from=2026-01-01&to=2026-12-31";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    /// <summary>A client whose requests are told apart in the audit log by their user agent.</summary>
    private async Task<(HttpClient Client, string Agent)> ClientAsync(string? userName)
    {
        var client = userName is null ? _api.Anonymous() : await _api.As(userName);
        var agent = "audit-test-" + Guid.NewGuid().ToString("N")[..12];
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        return (client, agent);
    }

    private async Task<List<(string Action, string? User, string? ResourceId, string Path, int Status)>> RowsAsync(string agent)
    {
        await using var cmd = _api.Factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "SELECT action, user_name, resource_id, path, status_code FROM accounts.audit_log WHERE user_agent = $1 ORDER BY id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = agent });
        var rows = new List<(string, string?, string?, string, int)>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4)));
        return rows;
    }

    [Test]
    public async Task Should_audit_the_register_in_every_format_and_the_drill_down_list()
    {
        var commune = await _api.UnitAsync("000.01.31.H29");
        var (leader, agent) = await ClientAsync("ys.leader");
        foreach (var path in new[] { "register", "register.xlsx", "register.pdf" })
            (await leader.GetAsync($"/api/v1/reports/{path}?unitId={commune}&{Period}")).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        (await leader.GetAsync($"/api/v1/statistics/dossiers?unitId={commune}&figure=Received&{Period}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await RowsAsync(agent)).Select(r => (r.Action, r.User, r.ResourceId, r.Status)).ShouldBe([
            ("register.read", "ys.leader", commune.ToString(), 200), ("register.export", "ys.leader", commune.ToString(), 200),
            ("register.export", "ys.leader", commune.ToString(), 200), ("statistics.dossiers.read", "ys.leader", commune.ToString(), 200)]);
    }

    [Test]
    public async Task Should_audit_each_printed_form_with_the_dossier_and_the_form()
    {
        var (dossier, _) = await Dossiers.ReceiveAsync(_api, "Phạm Thị Biểu Mẫu", "0915000333");
        var (clerk, agent) = await ClientAsync("ys.clerk");
        foreach (var form in new[] { "01", "05" })
        {
            var response = await clerk.GetAsync($"/ui/ho-so/{dossier}/mau/{form}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, form);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        }
        var (other, otherAgent) = await ClientAsync("hy.clerk");
        (await other.GetAsync($"/ui/ho-so/{dossier}/mau/01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await RowsAsync(agent)).Select(r => (r.Action, r.User, r.ResourceId, r.Path, r.Status)).ShouldBe([
            ("dossier.form.read", "ys.clerk", dossier.ToString(), $"/ui/ho-so/{dossier}/mau/01", 200),
            ("dossier.form.read", "ys.clerk", dossier.ToString(), $"/ui/ho-so/{dossier}/mau/05", 200)]);
        (await RowsAsync(otherAgent)).ShouldHaveSingleItem().ShouldBe(("dossier.form.read", "hy.clerk", dossier.ToString(), $"/ui/ho-so/{dossier}/mau/01", 404),
            "a refused read of another unit's dossier is recorded too");
    }

    [Test]
    public async Task Should_audit_change_attempts_refused_before_the_endpoint_ran()
    {
        var instance = Guid.NewGuid();
        var (anonymous, anonymousAgent) = await ClientAsync(null);
        (await anonymous.PostAsJsonAsync($"/api/v1/admin/instances/{instance}/suspend", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (citizen, citizenAgent) = await ClientAsync(DemoAccounts.CitizenA);
        (await citizen.PostAsJsonAsync($"/api/v1/admin/instances/{instance}/suspend", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (clerk, clerkAgent) = await ClientAsync("ys.clerk");
        (await clerk.PostAsJsonAsync($"/api/v1/admin/instances/{instance}/resume", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (stranger, strangerAgent) = await ClientAsync(null);
        (await stranger.PostAsJsonAsync("/api/v1/citizen/account/register", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await RowsAsync(anonymousAgent)).ShouldHaveSingleItem().ShouldBe(("instance.suspend", null, instance.ToString(), $"/api/v1/admin/instances/{instance}/suspend", 401));
        (await RowsAsync(citizenAgent)).ShouldHaveSingleItem().ShouldBe(("instance.suspend", DemoAccounts.CitizenA, instance.ToString(), $"/api/v1/admin/instances/{instance}/suspend", 403));
        (await RowsAsync(clerkAgent)).ShouldHaveSingleItem().ShouldBe(("instance.resume", "ys.clerk", instance.ToString(), $"/api/v1/admin/instances/{instance}/resume", 403));
        (await RowsAsync(strangerAgent)).ShouldHaveSingleItem().ShouldBe(("account.register", null, null, "/api/v1/citizen/account/register", 400));
    }
}
