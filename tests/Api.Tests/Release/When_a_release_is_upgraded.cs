using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Backups;
using Api.Tests.Sample;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tests.Shared;

namespace Api.Tests.Release;

/// <summary>
/// Each folder of <c>tests/Upgrade</c> is a backup that a release took of an installation it ran (made by
/// <c>scripts/make-upgrade-fixture.py</c>: the sample dossiers in every state, an open timer, uploaded scans, messages
/// still in the outbox), with what that release counted and reported in <c>expected.json</c>. It is restored with today's
/// <c>Api.dll restore</c> and started by today's code, which migrates it. Then nothing may be missing, the release's
/// statistics must read the same, its timers fire and its messages go out, and every dossier it left open goes on to the
/// end through today's use cases.
/// </summary>
[TestFixtureSource(nameof(Releases))]
public sealed class When_a_release_is_upgraded(string release)
{
    /// <summary>The figures that count dossiers; averages and delays may be computed better by a later release.</summary>
    private static readonly string[] Counted =
    [
        "carriedOver", "receivedCounter", "receivedOnline", "receivedPost", "finishedEarly", "finishedOnTime", "finishedLate", "refused",
        "notAccepted", "withdrawn", "inProgressWithinTime", "inProgressOverdue", "supplementRequests", "received", "finished", "inProgress",
    ];

    /// <summary>
    /// What a start adds by design: the workflow versions of <c>workflows/</c> that the release did not have, and the
    /// default message templates of events it did not know. Every other table must hold exactly the release's rows, the
    /// statistics' refresh state too: a migration asks for a rebuild with its <c>rebuild_requested</c> flag, never by deleting
    /// it (migration <c>StatisticsRebuildRequest</c> gives back the row that <c>OfficialRollup</c> deleted, with the flag set).
    /// </summary>
    private static readonly HashSet<string> SeededAtStart = ["engine.definitions", "notifications.templates"];

    private readonly string _work = Directory.CreateTempSubdirectory("iso-upgrade-").FullName;
    private JsonElement _expected;
    private string _database = "";
    private Dictionary<string, string> _settings = [];

    public static IEnumerable<string> Releases() =>
        Directory.GetDirectories(Repository.PathOf("tests/Upgrade")).Select(Path.GetFileName).OfType<string>().Order();

    private string Fixture => Repository.PathOf($"tests/Upgrade/{release}");

    [OneTimeSetUp]
    public async Task Restore()
    {
        _expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixture, "expected.json"))).RootElement;
        _database = await TestPostgres.CreateDatabaseAsync("upgrade");
        _settings = new Dictionary<string, string>
        {
            ["Files:Folder"] = Path.Combine(_work, "files"), ["DataProtection:KeyFile"] = Path.Combine(_work, "data-protection.key"),
            ["Samples:Seed"] = "false", ["Accounts:SeedDemo"] = "false",
        };
        (await BackupCommand.RunAsync(["restore", Fixture, $"--ConnectionStrings:Default={_database}",
            $"--Files:Folder={_settings["Files:Folder"]}", $"--DataProtection:KeyFile={_settings["DataProtection:KeyFile"]}"])).ShouldBe(0);
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task Should_keep_every_row_read_the_same_statistics_and_take_every_open_dossier_to_the_end()
    {
        await ShouldKeepEverythingTheReleaseHadAsync();
        await ShouldDeliverItsMessagesAndFireItsTimersAsync();
    }

    /// <summary>Started without the worker, so that nothing moves: the migrated database holds what the release left.</summary>
    private async Task ShouldKeepEverythingTheReleaseHadAsync()
    {
        await using var api = new ApiFactory(_database, new Dictionary<string, string>(_settings) { ["Hosting:RunWorkerInProcess"] = "false" });
        _ = api.Services;

        var counts = await RowCountsAsync();
        var lost = _expected.GetProperty("rows").EnumerateObject()
            .Where(t => !t.Name.EndsWith(".__migrations", StringComparison.Ordinal))
            .Select(t => (t.Name, Then: t.Value.GetInt64(), Now: counts.GetValueOrDefault(t.Name, -1)))
            .Where(t => t.Now < t.Then || t.Now > t.Then && !SeededAtStart.Contains(t.Name))
            .Select(t => $"{t.Name}: {t.Then} rows in {release}, {t.Now} after the upgrade").ToList();
        lost.ShouldBeEmpty(string.Join(Environment.NewLine, lost));
        (await ScalarAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND discarded_at IS NULL"))
            .ShouldBe(_expected.GetProperty("pendingOutbox").GetInt64());
        (await RowsAsync("SELECT DISTINCT status FROM procedures.dossiers")).ShouldBe(
            ["Registered", "Accepted", "NotAccepted", "Processing", "SupplementRequested", "Withdrawn", "Stopped", "Finished", "Returned"],
            ignoreOrder: true, $"{release}'s fixture should hold dossiers in every state");

        var leader = await SignInAsync(api, "ys.leader");
        var commune = await ScalarTextAsync($"SELECT id::text FROM procedures.units WHERE code = '{_expected.GetProperty("commune").GetString()}'");
        foreach (var period in _expected.GetProperty("statistics").EnumerateObject())
        {
            var (from, to) = (period.Name.Split('/')[0], period.Name.Split('/')[1]);
            var now = await (await leader.GetAsync($"/api/v1/statistics/figures?unitId={commune}&from={from}&to={to}")).Expect(HttpStatusCode.OK);
            foreach (var figure in Counted)
                Sum(now, figure).ShouldBe(Sum(period.Value, figure), $"{figure} from {from} to {to}");
        }

        // Every uploaded scan is where the restored database says it is, and opens.
        var files = await RowsAsync("SELECT dossier_id::text || '/' || id::text FROM accounts.attachments WHERE dossier_id IS NOT NULL");
        files.Count.ShouldBeGreaterThan(0);
        var clerk = await SignInAsync(api, "ys.clerk");
        foreach (var file in files)
        {
            var (dossier, attachment) = (file.Split('/')[0], file.Split('/')[1]);
            var response = await clerk.GetAsync($"/api/v1/dossiers/{dossier}/attachments/{attachment}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, file);
            (await response.Content.ReadAsByteArrayAsync()).Take(5).ShouldBe("%PDF-"u8.ToArray());
        }
    }

    /// <summary>
    /// Started with the worker on a clock past the release's last open timer: the timers fire and the messages go out; then
    /// the officials take every open dossier to its end.
    /// </summary>
    private async Task ShouldDeliverItsMessagesAndFireItsTimersAsync()
    {
        var lastTimer = await ScalarTimeAsync("SELECT max(due_at) FROM engine.timers WHERE status = 'Pending'");
        lastTimer.ShouldNotBeNull($"{release}'s fixture has no open timer");
        var clock = new MovableClock(lastTimer.Value.AddHours(1) > DateTimeOffset.UtcNow ? lastTimer.Value.AddHours(1) : DateTimeOffset.UtcNow);
        var pendingTimers = await ScalarAsync("SELECT count(*) FROM engine.timers WHERE status = 'Pending'");
        var firedBefore = await ScalarAsync("SELECT count(*) FROM engine.timers WHERE status = 'Fired'");

        await using var api = new ApiFactory(_database, _settings, s => s.AddSingleton<TimeProvider>(clock));
        _ = api.Services;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await ScalarAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND discarded_at IS NULL") > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(500);
        (await ScalarAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND discarded_at IS NULL")).ShouldBe(0, "messages left in the outbox");
        (await ScalarAsync("SELECT count(*) FROM engine.outbox WHERE parked_at IS NOT NULL")).ShouldBe(0, "parked messages");

        // The poller fires them too; firing here as well does not wait for its interval and finds nothing it has taken.
        await using (var scope = api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().FireDueTimersAsync(1000);
        (await ScalarAsync($"SELECT count(*) FROM engine.timers WHERE status = 'Pending' AND due_at <= '{clock.GetUtcNow():O}'")).ShouldBe(0);
        (await ScalarAsync("SELECT count(*) FROM engine.timers WHERE status = 'Fired'")).ShouldBeGreaterThanOrEqualTo(firedBefore + pendingTimers);
        (await ScalarAsync("SELECT count(*) FROM engine.incidents WHERE status <> 'Resolved'")).ShouldBe(0, "incidents");

        var driver = new OpenDossierDriver(api.Services);
        var open = await driver.OpenDossiersAsync();
        open.Count.ShouldBeGreaterThan(50, $"{release}'s fixture should leave many dossiers open");
        var stuck = await driver.DriveAllAsync();
        stuck.ShouldBeEmpty(string.Join(Environment.NewLine, stuck));
        (await driver.OpenDossiersAsync()).ShouldBeEmpty();
        (await ScalarAsync("SELECT count(*) FROM engine.instances WHERE status NOT IN ('Completed', 'Cancelled')")).ShouldBe(0, "running workflows");
        (await ScalarAsync("SELECT count(*) FROM engine.work_items WHERE status IN ('Open', 'Claimed')")).ShouldBe(0, "open steps");
        (await ScalarAsync("SELECT count(*) FROM engine.incidents WHERE status <> 'Resolved'")).ShouldBe(0, "incidents");
        (await ScalarAsync("SELECT count(*) FROM procedures.dossiers")).ShouldBe(_expected.GetProperty("rows").GetProperty("procedures.dossiers").GetInt64());
    }

    private static decimal Sum(JsonElement report, string figure) =>
        report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("figures").GetProperty(figure).GetDecimal());

    private static async Task<HttpClient> SignInAsync(ApiFactory api, string user)
    {
        var client = api.CreateClient();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName = user, password = Accounts.DemoAccounts.Password }))
            .Expect(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        return client;
    }

    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in await RowsAsync("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'hangfire')"))
            counts[table] = await ScalarAsync($"SELECT count(*) FROM {table}");
        return counts;
    }

    private async Task<long> ScalarAsync(string sql) => Convert.ToInt64(await QueryAsync(sql), System.Globalization.CultureInfo.InvariantCulture);
    private async Task<string> ScalarTextAsync(string sql) => (string)(await QueryAsync(sql))!;
    private async Task<DateTimeOffset?> ScalarTimeAsync(string sql) => await QueryAsync(sql) is DateTime t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private async Task<object?> QueryAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_database);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        return await command.ExecuteScalarAsync();
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(_database);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
