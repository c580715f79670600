using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Api.Tests.Sample;

/// <summary>
/// The audit log is evidence: the database refuses to change, delete or empty it, whoever connects, while requests keep
/// appending to it.
/// </summary>
public sealed class When_someone_tries_to_rewrite_the_audit_log
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private async Task<long> CountAsync()
    {
        await using var cmd = _api.Factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM accounts.audit_log");
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [TestCase("UPDATE accounts.audit_log SET user_name = 'someone-else'")]
    [TestCase("UPDATE accounts.audit_log SET status_code = 200 WHERE status_code >= 400")]
    [TestCase("DELETE FROM accounts.audit_log")]
    [TestCase("DELETE FROM accounts.audit_log WHERE action = 'dossier.read'")]
    [TestCase("TRUNCATE accounts.audit_log")]
    public async Task Should_refuse_the_change_and_keep_every_row(string sql)
    {
        var admin = await _api.As("admin");
        (await admin.GetAsync("/api/v1/admin/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await CountAsync();

        await using var cmd = _api.Factory.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        var refused = await Should.ThrowAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldContain("append-only");
        (await CountAsync()).ShouldBeGreaterThanOrEqualTo(before);
        (await admin.GetAsync("/api/v1/admin/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync()).ShouldBeGreaterThan(before, "reading the log is itself audited: appending still works");
    }
}
