using System.Net;
using System.Security.Cryptography;
using System.Text;
using Api.Backups;
using Api.Persistence;
using Api.Tests.Sample;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tests.Shared;

namespace Api.Tests;

/// <summary>
/// A backup taken with <c>Api.dll backup</c> from an API with dossiers and their files, restored with <c>Api.dll restore</c>
/// into a new database and files folder, then read by a new API on them.
/// </summary>
public sealed class When_a_backup_is_restored
{
    private readonly string _work = Directory.CreateTempSubdirectory("iso-backup-").FullName;
    private SampleApi _source = null!;
    private string _sourceDatabase = "";
    private readonly List<(Guid Dossier, Guid Attachment, string Sha256)> _files = [];

    [OneTimeSetUp]
    public async Task CreateDossiersWithFiles()
    {
        // The load below submits as fast as one citizen can: the per-account upload limit is not what these tests are about.
        _source = await SampleApi.StartAsync(new Dictionary<string, string>
        {
            ["DataProtection:KeyFile"] = Path.Combine(_work, "source.key"), ["Files:UploadsPerMinute"] = "100000",
        });
        _sourceDatabase = _source.Factory.Services.GetRequiredService<Worker.Hosting.DatabaseConnection>().ConnectionString;
        var citizen = await _source.As("an.nguyen@demo.example");
        for (var i = 0; i < 3; i++)
        {
            var scan = Encoding.ASCII.GetBytes($"%PDF-1.5\nto khai {i} {Guid.NewGuid()}\n");
            var dossier = await Citizen.SubmitAsync(_source, citizen, $"Người Nộp {i}", scan);
            await using var scope = _source.Factory.Services.CreateAsyncScope();
            var row = await scope.ServiceProvider.GetRequiredService<ApiDb>().Attachments.SingleAsync(a => a.DossierId == dossier);
            _files.Add((dossier, row.Id, Convert.ToHexStringLower(SHA256.HashData(scan))));
        }
        await Sample.Dossiers.ReceiveAsync(_source, "Người Tại Quầy");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _source.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Test]
    public async Task Should_find_every_dossier_file_and_history_row_on_the_restored_installation()
    {
        var backup = Path.Combine(_work, "backup");
        var before = await RowCountsAsync(_sourceDatabase);
        (await BackupCommand.RunAsync(["backup", backup, $"--ConnectionStrings:Default={_sourceDatabase}",
            $"--Files:Folder={_source.FilesFolder}", $"--DataProtection:KeyFile={Path.Combine(_work, "source.key")}"])).ShouldBe(0);
        var restoredDatabase = await TestPostgres.CreateDatabaseAsync("api_restored");
        var restoredFiles = Path.Combine(_work, "restored-files");
        var restoredKey = Path.Combine(_work, "restored.key");
        (await BackupCommand.RunAsync(["restore", backup, $"--ConnectionStrings:Default={restoredDatabase}",
            $"--Files:Folder={restoredFiles}", $"--DataProtection:KeyFile={restoredKey}"])).ShouldBe(0);

        // The source keeps running (its outbox, notifications, audit), so each table holds at least the rows it had before
        // the backup began and at most those it had once the backup was done.
        var (copied, after) = (await RowCountsAsync(restoredDatabase), await RowCountsAsync(_sourceDatabase));
        copied.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        foreach (var (table, rows) in before)
            copied[table].ShouldBeInRange(rows, after[table], table);
        before.Where(t => t.Key.StartsWith("procedures.", StringComparison.Ordinal)).Sum(t => t.Value).ShouldBeGreaterThan(0);
        File.ReadAllText(restoredKey).ShouldBe(File.ReadAllText(Path.Combine(_work, "source.key")));

        await using var restored = new ApiFactory(restoredDatabase, new Dictionary<string, string>
        {
            ["Files:Folder"] = restoredFiles, ["DataProtection:KeyFile"] = restoredKey, ["Samples:Seed"] = "false", ["Accounts:SeedDemo"] = "false",
        });
        var original = await _source.As("ys.clerk");
        // The key ring came back with its key: a token issued before the backup is still good.
        var client = restored.CreateClient();
        client.DefaultRequestHeaders.Authorization = original.DefaultRequestHeaders.Authorization;
        foreach (var (dossier, attachment, sha256) in _files)
        {
            var then = await (await original.GetAsync($"/api/v1/dossiers/{dossier}")).Expect(HttpStatusCode.OK);
            var now = await (await client.GetAsync($"/api/v1/dossiers/{dossier}")).Expect(HttpStatusCode.OK);
            now.GetProperty("dossier").GetProperty("events").GetRawText().ShouldBe(then.GetProperty("dossier").GetProperty("events").GetRawText());
            now.GetProperty("dossier").GetProperty("code").GetString().ShouldBe(then.GetProperty("dossier").GetProperty("code").GetString());

            var file = await client.GetAsync($"/api/v1/dossiers/{dossier}/attachments/{attachment}");
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            Convert.ToHexStringLower(SHA256.HashData(await file.Content.ReadAsByteArrayAsync())).ShouldBe(sha256);
        }
    }

    [Test]
    public async Task Should_restore_every_file_its_dossiers_refer_to_when_taken_while_citizens_keep_submitting()
    {
        var citizen = await _source.As("an.nguyen@demo.example");
        using var stop = new CancellationTokenSource();
        var submitted = 0;
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Citizen.SubmitAsync(_source, citizen, $"Người Nộp Trong Lúc Sao Lưu {submitted}",
                    Encoding.ASCII.GetBytes($"%PDF-1.5\nto khai {submitted} {Guid.NewGuid()}\n"));
                submitted++;
            }
        });
        while (submitted < 2) await Task.Delay(50);
        var dossiersBefore = await CountAsync(_sourceDatabase, "SELECT count(*) FROM procedures.dossiers");
        var backup = Path.Combine(_work, "backup-under-load");
        (await BackupCommand.RunAsync(["backup", backup, $"--ConnectionStrings:Default={_sourceDatabase}",
            $"--Files:Folder={_source.FilesFolder}", $"--DataProtection:KeyFile={Path.Combine(_work, "source.key")}"])).ShouldBe(0);
        var duringBackup = submitted;
        await stop.CancelAsync();
        await load;
        duringBackup.ShouldBeGreaterThan(2, "the citizens should have gone on submitting while the backup ran");

        var restoredDatabase = await TestPostgres.CreateDatabaseAsync("api_restored_load");
        var restoredFiles = Path.Combine(_work, "restored-under-load");
        (await BackupCommand.RunAsync(["restore", backup, $"--ConnectionStrings:Default={restoredDatabase}",
            $"--Files:Folder={restoredFiles}", $"--DataProtection:KeyFile={Path.Combine(_work, "restored-under-load.key")}"])).ShouldBe(0);

        (await CountAsync(restoredDatabase, "SELECT count(*) FROM procedures.dossiers")).ShouldBeGreaterThanOrEqualTo(dossiersBefore);
        (await CountAsync(restoredDatabase, "SELECT count(*) FROM procedures.dossiers d WHERE NOT EXISTS (SELECT 1 FROM procedures.dossier_events e WHERE e.dossier_id = d.id)"))
            .ShouldBe(0, "dossiers without their history");
        await using var restored = new ApiFactory(restoredDatabase, new Dictionary<string, string>
        {
            ["Files:Folder"] = restoredFiles, ["Samples:Seed"] = "false", ["Accounts:SeedDemo"] = "false", ["Hosting:RunWorkerInProcess"] = "false",
        });
        await using var scope = restored.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<ApiDb>().Attachments.Where(a => a.DossierId != null).ToListAsync();
        rows.Count.ShouldBeGreaterThan(_files.Count);
        var store = scope.ServiceProvider.GetRequiredService<Api.Attachments.IFileStore>();
        foreach (var row in rows)
        {
            await using var content = await store.OpenAsync(row.Id, CancellationToken.None);
            content.ShouldNotBeNull($"the file of attachment {row.Id} of dossier {row.DossierId}");
            Convert.ToHexStringLower(await SHA256.HashDataAsync(content)).ShouldBe(row.Sha256, $"attachment {row.Id} of dossier {row.DossierId}");
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var count = new NpgsqlCommand(sql, conn);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Should_refuse_to_restore_over_a_database_that_has_data()
    {
        var backup = Path.Combine(_work, "backup-2");
        (await BackupCommand.RunAsync(["backup", backup, $"--ConnectionStrings:Default={_sourceDatabase}",
            $"--Files:Folder={_source.FilesFolder}", $"--DataProtection:KeyFile={Path.Combine(_work, "source.key")}"])).ShouldBe(0);
        var files = Path.Combine(_work, "not-restored");

        (await BackupCommand.RunAsync(["restore", backup, $"--ConnectionStrings:Default={_sourceDatabase}",
            $"--Files:Folder={files}", $"--DataProtection:KeyFile={Path.Combine(_work, "other.key")}"])).ShouldBe(1);
        Directory.Exists(files).ShouldBeFalse();
    }

    [Test]
    public async Task Should_refuse_a_backup_whose_files_differ_from_their_sha256()
    {
        var backup = Path.Combine(_work, "backup-3");
        (await BackupCommand.RunAsync(["backup", backup, $"--ConnectionStrings:Default={_sourceDatabase}",
            $"--Files:Folder={_source.FilesFolder}", $"--DataProtection:KeyFile={Path.Combine(_work, "source.key")}"])).ShouldBe(0);
        var damaged = Directory.EnumerateFiles(Path.Combine(backup, BackupFolder.FilesFolder), "*", SearchOption.AllDirectories).First();
        await File.AppendAllTextAsync(damaged, "x");

        Should.Throw<BackupException>(() => Restore.Check(backup, new BackupPlaces(Path.Combine(_work, "unused"), null, null)))
            .Message.ShouldContain("damaged");
    }

    /// <summary>Rows per table of every schema but Hangfire's, whose queues empty themselves.</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'hangfire')", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", conn);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
