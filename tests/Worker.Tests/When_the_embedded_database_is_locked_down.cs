using System.Diagnostics;
using Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Worker.Hosting;

namespace Worker.Tests;

/// <summary>
/// Found by probing a fresh <c>./run.sh</c>: the embedded cluster trusted every local connection, so any account on the machine
/// was its superuser. Now every connection needs a password kept in a file only the application's account reads, the
/// application connects as a role that owns its database but is no superuser, and a folder made the old way is locked
/// down at its next start with its data kept.
/// </summary>
public sealed class When_the_embedded_database_is_locked_down
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string DataDirectory => Path.Combine(_folder.Path, "postgres");

    private Task<DatabaseConnection> BootstrapAsync() => DatabaseBootstrap.ResolveAsync(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [EmbeddedDataDirectory.ConfigKey] = DataDirectory }).Build(),
        _folder.Path, NullLogger.Instance);

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ShouldRefuseWithoutPasswordAsync(string connectionString, string user)
    {
        var without = new NpgsqlConnectionStringBuilder(connectionString) { Username = user, Password = null, Pooling = false };
        var refused = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var conn = new NpgsqlConnection(without.ConnectionString);
            await conn.OpenAsync();
        });
        // Npgsql refuses before asking the server when it has no password to give; either way nobody gets in.
        (refused is NpgsqlException or PostgresException).ShouldBeTrue(refused.ToString());
    }

    private static async Task ShouldRefuseWrongPasswordAsync(string connectionString, string user)
    {
        var wrong = new NpgsqlConnectionStringBuilder(connectionString) { Username = user, Password = "guess", Pooling = false };
        var refused = await Should.ThrowAsync<PostgresException>(async () =>
        {
            await using var conn = new NpgsqlConnection(wrong.ConnectionString);
            await conn.OpenAsync();
        });
        refused.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
    }

    private string[] HbaMethods() => File.ReadAllLines(Path.Combine(DataDirectory, "pg_hba.conf"))
        .Select(l => l.Split('#', 2)[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length > 0).Select(f => f[^1]).ToArray();

    [Test]
    public async Task Should_ask_every_connection_for_a_password_and_connect_the_application_as_a_role_that_is_no_superuser()
    {
        await using var database = await BootstrapAsync();

        HbaMethods().ShouldAllBe(m => m == "scram-sha-256");
        new NpgsqlConnectionStringBuilder(database.ConnectionString).Username.ShouldBe(EmbeddedPostgres.ApplicationRole);
        (await ScalarAsync<bool>(database.ConnectionString, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).ShouldBeFalse();
        (await ScalarAsync<string>(database.ConnectionString, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"))
            .ShouldBe(EmbeddedPostgres.ApplicationRole);
        await ShouldRefuseWrongPasswordAsync(database.ConnectionString, "postgres");
        await ShouldRefuseWrongPasswordAsync(database.ConnectionString, EmbeddedPostgres.ApplicationRole);
        await ShouldRefuseWithoutPasswordAsync(database.ConnectionString, "postgres");

        var secrets = EmbeddedSecrets.PathFor(DataDirectory);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(secrets).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, "only the application's account reads the passwords");
        (await File.ReadAllTextAsync(secrets)).ShouldContain(new NpgsqlConnectionStringBuilder(database.ConnectionString).Password!);
    }

    [Test]
    public async Task Should_lock_down_a_folder_made_by_an_earlier_version_and_hand_its_database_to_the_application_role()
    {
        await MakeOldFolderAsync();

        await using var database = await BootstrapAsync();

        HbaMethods().ShouldAllBe(m => m == "scram-sha-256");
        (await ScalarAsync<int>(database.ConnectionString, "SELECT id FROM legacy.kept")).ShouldBe(42);
        (await ScalarAsync<string>(database.ConnectionString, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'legacy.kept'::regclass"))
            .ShouldBe(EmbeddedPostgres.ApplicationRole);
        (await ScalarAsync<string>(database.ConnectionString, "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'legacy'"))
            .ShouldBe(EmbeddedPostgres.ApplicationRole);
        (await ScalarAsync<long>(database.ConnectionString, "SELECT nextval('legacy.kept_id_seq')")).ShouldBe(43, "the identity sequence came with its table");
        (await ScalarAsync<int>(database.ConnectionString, "SELECT legacy.answer()")).ShouldBe(42);
        await ShouldRefuseWrongPasswordAsync(database.ConnectionString, "postgres");
    }

    [Test]
    public async Task Should_refuse_to_start_with_a_clear_message_when_the_passwords_file_is_lost()
    {
        await (await BootstrapAsync()).DisposeAsync();
        File.Delete(EmbeddedSecrets.PathFor(DataDirectory));

        var refused = await Should.ThrowAsync<InvalidOperationException>(BootstrapAsync);

        refused.Message.ShouldContain(EmbeddedSecrets.PathFor(DataDirectory));
        refused.Message.ShouldContain("missing");
    }

    /// <summary>A data folder as the earlier version made it: initdb trusting local connections, a database owned by the superuser.</summary>
    private async Task MakeOldFolderAsync()
    {
        var bin = EmbeddedPostgres.FindBinDirectory();
        var asPostgres = Environment.IsPrivilegedProcess;
        Directory.CreateDirectory(DataDirectory);
        if (asPostgres) await RunAsync("chown", false, "-R", "postgres:postgres", _folder.Path);
        await RunAsync(Path.Combine(bin, "initdb"), asPostgres, "-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        var port = 20000 + Random.Shared.Next(30000);
        await RunAsync(Path.Combine(bin, "pg_ctl"), asPostgres, "-D", DataDirectory, "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
            "-l", Path.Combine(DataDirectory, "server.log"), "-w", "start");
        var server = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        await ExecAsync(server, "CREATE DATABASE iso");
        await ExecAsync(server.Replace("Database=postgres", "Database=iso", StringComparison.Ordinal), """
            CREATE SCHEMA legacy;
            CREATE TABLE legacy.kept (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);
            INSERT INTO legacy.kept VALUES (42);
            SELECT setval('legacy.kept_id_seq', 42);
            CREATE FUNCTION legacy.answer() RETURNS int LANGUAGE sql AS 'SELECT 42';
            """);
        await RunAsync(Path.Combine(bin, "pg_ctl"), asPostgres, "-D", DataDirectory, "-m", "fast", "-w", "stop");
    }

    private static async Task RunAsync(string file, bool asPostgres, params string[] args)
    {
        // Not redirected: a started server keeps inherited pipes open, and reading them to the end would never finish.
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file);
        if (asPostgres) foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{file} {string.Join(' ', args)}");
    }
}
