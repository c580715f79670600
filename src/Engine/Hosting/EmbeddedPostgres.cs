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
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
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

    /// <summary>Connection string for <paramref name="database"/> as the superuser <c>postgres</c>.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database,
            Pooling = true, MaxPoolSize = 100, IncludeErrorDetail = true,
        }.ConnectionString;

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
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            _logger.LogInformation("Initialising embedded PostgreSQL in {DataDirectory}", DataDirectory);
            await RunAsync(Path.Combine(_binDirectory, "initdb"),
                ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
                _asPostgresUser, ct);
        }

        if (RunningPort() is { } running)
        {
            Port = running;
            _logger.LogInformation("Reusing embedded PostgreSQL already running on port {Port}", Port);
            await WaitUntilAcceptingAsync(ct);
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
