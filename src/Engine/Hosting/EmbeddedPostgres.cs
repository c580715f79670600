using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Engine.Hosting;

/// <summary>
/// A private PostgreSQL cluster run from the server binaries installed on the machine (<c>initdb</c>,
/// <c>pg_ctl</c>): initialised in a data folder on first use, started on a free loopback port, stopped on
/// dispose or process exit. Used when no connection string is configured, and by the test fixtures.
/// Every connection needs a password (SCRAM), <c>trust</c> nowhere: the passwords are in <see cref="EmbeddedSecrets"/>, a
/// file only the application's account can read. A folder made before that (trusting local connections) is locked down
/// at its next start. The application connects as <see cref="ApplicationRole"/>, which owns its database and everything
/// in it but is no superuser; the superuser <c>postgres</c> only initialises.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    /// <summary>The role the application connects as: owner of its database, not a superuser.</summary>
    public const string ApplicationRole = "iso_app";

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private readonly ILogger _logger;
    private readonly bool _durable;
    private bool _startedByUs;

    private EmbeddedPostgres(string dataDirectory, string binDirectory, bool durable, ILogger logger)
    {
        DataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _durable = durable;
        _logger = logger;
        _asPostgresUser = Environment.IsPrivilegedProcess;
    }

    public string DataDirectory { get; }
    public int Port { get; private set; }
    private EmbeddedSecrets Secrets { get; set; } = null!;

    /// <summary>Connection string for <paramref name="database"/> as the superuser <c>postgres</c>: for initialising and tests only.</summary>
    public string ConnectionString(string database = "postgres") => Connection("postgres", Secrets.SuperuserPassword, database);

    /// <summary>Connection string for <paramref name="database"/> as <see cref="ApplicationRole"/>; see <see cref="EnsureApplicationDatabaseAsync"/>.</summary>
    public string ApplicationConnectionString(string database) => Connection(ApplicationRole, Secrets.ApplicationPassword, database);

    private string Connection(string user, string password, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = user, Password = password, Database = database,
            Pooling = true, MaxPoolSize = 100, IncludeErrorDetail = true,
        }.ConnectionString;

    /// <summary>
    /// Creates <paramref name="database"/> owned by <see cref="ApplicationRole"/> (and the role, with its password) when they
    /// do not exist; hands over a database made by an earlier version as the superuser's (the database, its schemas,
    /// tables, sequences, views, functions and types). Returns the application's connection string.
    /// </summary>
    public async Task<string> EnsureApplicationDatabaseAsync(string database, CancellationToken ct = default)
    {
        var name = database.Replace("\"", "", StringComparison.Ordinal);
        await using (var conn = new NpgsqlConnection(ConnectionString() + ";Pooling=false"))
        {
            await conn.OpenAsync(ct);
            // The password is URL-safe Base64 (EmbeddedSecrets), so it cannot close the literal.
            await Exec(conn, $"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ApplicationRole}') THEN
                        CREATE ROLE {ApplicationRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{Secrets.ApplicationPassword}';
                    ELSE
                        ALTER ROLE {ApplicationRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{Secrets.ApplicationPassword}';
                    END IF;
                END $$
                """, ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = database } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                try { await Exec(conn, $"CREATE DATABASE \"{name}\" OWNER {ApplicationRole}", ct); }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
            }
            await Exec(conn, $"ALTER DATABASE \"{name}\" OWNER TO {ApplicationRole}", ct);
        }
        await using (var conn = new NpgsqlConnection(ConnectionString(database) + ";Pooling=false"))
        {
            await conn.OpenAsync(ct);
            await Exec(conn, HandOver, ct);
        }
        return ApplicationConnectionString(database);
    }

    /// <summary>
    /// Everything in the application's schemas not yet owned by the application role changes hands: schemas, then tables
    /// and views (their identity sequences follow them), then the sequences left, functions, enums and domains.
    /// </summary>
    private const string HandOver = $$"""
        DO $$
        DECLARE r record;
        BEGIN
            FOR r IN SELECT n.nspname FROM pg_namespace n WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                     AND n.nspowner <> '{{ApplicationRole}}'::regrole LOOP
                EXECUTE format('ALTER SCHEMA %I OWNER TO {{ApplicationRole}}', r.nspname);
            END LOOP;
            FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                     AND c.relowner <> '{{ApplicationRole}}'::regrole LOOP
                EXECUTE format('ALTER %s %s OWNER TO {{ApplicationRole}}',
                    CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
            END LOOP;
            FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relkind = 'S'
                     AND c.relowner <> '{{ApplicationRole}}'::regrole LOOP
                EXECUTE format('ALTER SEQUENCE %s OWNER TO {{ApplicationRole}}', r.name);
            END LOOP;
            FOR r IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                     WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND p.proowner <> '{{ApplicationRole}}'::regrole LOOP
                EXECUTE format('ALTER %s %s OWNER TO {{ApplicationRole}}', CASE r.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, r.name);
            END LOOP;
            FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                     WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND t.typtype IN ('e', 'd')
                     AND t.typowner <> '{{ApplicationRole}}'::regrole LOOP
                EXECUTE format('ALTER TYPE %s OWNER TO {{ApplicationRole}}', r.name);
            END LOOP;
        END $$
        """;

    private static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Starts (initialising when needed) the cluster in <paramref name="dataDirectory"/>. A cluster left
    /// running by a previous process in the same folder is reused. <paramref name="durable"/> false turns
    /// off fsync for throwaway test clusters.
    /// </summary>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, bool durable = true,
        ILogger? logger = null, CancellationToken ct = default)
    {
        var pg = new EmbeddedPostgres(Path.GetFullPath(dataDirectory), FindBinDirectory(), durable,
            logger ?? NullLogger.Instance);
        await pg.StartCoreAsync(ct);
        return pg;
    }

    /// <summary>Creates the database when it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(ConnectionString());
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn)
        { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "", StringComparison.Ordinal)}\"", conn);
        try { await create.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { }
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(DataDirectory);
        if (_asPostgresUser) await RunAsync("chown", ["-R", "postgres:postgres", DataDirectory], asPostgres: false, ct);
        var secretsPath = EmbeddedSecrets.PathFor(DataDirectory);
        var initialised = File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));
        if (initialised) CheckMajorVersion();
        if (initialised && !File.Exists(secretsPath) && !Trusts())
            throw new InvalidOperationException($"The embedded PostgreSQL in {DataDirectory} asks for passwords, but their file {secretsPath} is missing. " +
                "Restore it from the backup of this machine, or move the data folder away to start with an empty one.");
        Secrets = EmbeddedSecrets.LoadOrCreate(secretsPath);
        if (!initialised)
        {
            _logger.LogInformation("Initialising embedded PostgreSQL in {DataDirectory}", DataDirectory);
            await InitialiseAsync(ct);
        }

        if (RunningPort() is { } running)
        {
            Port = running;
            _logger.LogInformation("Reusing embedded PostgreSQL already running on port {Port}", Port);
            await WaitUntilAcceptingAsync(ct);
            await LockDownAsync(ct);
            return;
        }

        Port = FreePort();
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300" +
                      (_durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        await RunAsync(Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-o", options, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "start"],
            _asPostgresUser, ct);
        _startedByUs = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        _logger.LogInformation("Embedded PostgreSQL started on 127.0.0.1:{Port} with data in {DataDirectory}", Port, DataDirectory);
        await WaitUntilAcceptingAsync(ct);
        await LockDownAsync(ct);
    }

    private string HbaFile => Path.Combine(DataDirectory, "pg_hba.conf");

    /// <summary>
    /// A data folder works only with the server major version that made it (<c>PG_VERSION</c>): a different one, after the
    /// machine's PostgreSQL was upgraded for instance, stops the start with what to do instead of a server that fails to start.
    /// </summary>
    private void CheckMajorVersion()
    {
        var folder = File.ReadAllText(Path.Combine(DataDirectory, "PG_VERSION")).Trim();
        var installed = MajorVersion(_binDirectory);
        if (installed is null || folder == installed) return;
        throw new InvalidOperationException(
            $"The embedded PostgreSQL data in {DataDirectory} was made by PostgreSQL {folder}, but the server found is PostgreSQL {installed} " +
            $"({_binDirectory}). Install PostgreSQL {folder} beside it (apt: postgresql-{folder}) and upgrade the folder with pg_upgrade, " +
            "or restore a backup (backup.sh) into a new data folder.");
    }

    /// <summary>Whether pg_hba.conf lets anyone in without a password (a folder made by an earlier version).</summary>
    private bool Trusts() => File.Exists(HbaFile) && File.ReadLines(HbaFile)
        .Select(l => l.Split('#', 2)[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        .Any(fields => fields.Length > 0 && fields[^1] == "trust");

    /// <summary>A new cluster: the superuser's password from the start, SCRAM for every connection.</summary>
    private async Task InitialiseAsync(CancellationToken ct)
    {
        var passwordFile = Path.Combine(Path.GetTempPath(), "iso-pg-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(passwordFile, Secrets.SuperuserPassword, ct);
        try
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            if (_asPostgresUser) await RunAsync("chown", ["postgres:postgres", passwordFile], asPostgres: false, ct);
            await RunAsync(Path.Combine(_binDirectory, "initdb"),
                ["-D", DataDirectory, "-U", "postgres", "--auth=scram-sha-256", "--pwfile", passwordFile, "-E", "UTF8", "--locale=C.UTF-8",
                    "--no-instructions"],
                _asPostgresUser, ct);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// A cluster that still trusts local connections (made by an earlier version) gets the superuser's password and a
    /// pg_hba.conf that asks every connection for one; the running server reloads it.
    /// </summary>
    private async Task LockDownAsync(CancellationToken ct)
    {
        if (!Trusts()) return;
        _logger.LogWarning("The embedded PostgreSQL in {DataDirectory} trusted local connections: setting passwords (kept in {SecretsFile}) and requiring them",
            DataDirectory, EmbeddedSecrets.PathFor(DataDirectory));
        await using (var conn = new NpgsqlConnection(ConnectionString() + ";Pooling=false"))
        {
            await conn.OpenAsync(ct);
            await Exec(conn, $"SET password_encryption = 'scram-sha-256'; ALTER ROLE postgres PASSWORD '{Secrets.SuperuserPassword}'", ct);
            await File.WriteAllTextAsync(HbaFile, """
                # Every connection gives a password (SCRAM); the passwords are in the .secrets file beside this data folder.
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                local   all       all                 scram-sha-256
                host    all       all   127.0.0.1/32  scram-sha-256
                host    all       all   ::1/128       scram-sha-256

                """, ct);
            if (_asPostgresUser) await RunAsync("chown", ["postgres:postgres", HbaFile], asPostgres: false, ct);
            await Exec(conn, "SELECT pg_reload_conf()", ct);
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>The port of a live postmaster owning the data folder, read from <c>postmaster.pid</c>.</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try { using var p = Process.GetProcessById(pid); return p.HasExited ? null : port; }
        catch (ArgumentException) { return null; }
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var conn = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
                await conn.OpenAsync(ct);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    private void Stop()
    {
        if (!_startedByUs) return;
        _startedByUs = false;
        try
        {
            RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"],
                _asPostgresUser, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException e)
        {
            _logger.LogWarning(e, "Embedded PostgreSQL did not stop cleanly");
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The major version of the server binaries in <paramref name="binDirectory"/>, from <c>pg_ctl --version</c>; null when unknown.</summary>
    public static string? MajorVersion(string binDirectory)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Path.Combine(binDirectory, "pg_ctl"), "--version")
                { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd(); // "pg_ctl (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
            process.WaitForExit();
            var match = System.Text.RegularExpressions.Regex.Match(output, @"\(PostgreSQL\)\s+(\d+)");
            return match.Success ? match.Groups[1].Value : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Finds the directory holding <c>initdb</c> and <c>pg_ctl</c>: PATH first, then /usr/lib/postgresql/*/bin.</summary>
    public static string FindBinDirectory()
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        if (fromPath is not null) return fromPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
            "Install them with: apt-get install -y postgresql");
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (asPostgres) { psi.ArgumentList.Add("-u"); psi.ArgumentList.Add("postgres"); psi.ArgumentList.Add("--"); psi.ArgumentList.Add(file); }
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}");
        // pg_ctl start leaves the server holding the inherited pipes, so read them without waiting for EOF.
        var stdout = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            string output;
            lock (stdout) output = stdout.ToString();
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        }
    }
}
