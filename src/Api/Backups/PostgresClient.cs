using System.Diagnostics;
using Npgsql;

namespace Api.Backups;

/// <summary>
/// <c>pg_dump</c> and <c>pg_restore</c> from the machine's PostgreSQL client binaries (PATH first, then the newest
/// <c>/usr/lib/postgresql/*/bin</c>, which can read every older server). The connection goes through PG* environment
/// variables, so the password never shows in a process list.
/// </summary>
public static class PostgresClient
{
    public static Task DumpAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-password", $"--file={file}"], ct);

    /// <summary>Restores into an empty database, every object owned by the connecting role; all or nothing.</summary>
    public static Task RestoreAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_restore", connectionString,
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--no-password", $"--dbname={new NpgsqlConnectionStringBuilder(connectionString).Database}", file], ct);

    public static string Find(string tool)
    {
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
        if (fromPath is not null) return fromPath;
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0, Path: Path.Combine(d, "bin", tool)))
                .Where(t => File.Exists(t.Path)).OrderByDescending(t => t.Version).Select(t => t.Path).FirstOrDefault()
            : null;
        return installed ?? throw new BackupException(
            $"{tool} was found neither on PATH nor under /usr/lib/postgresql/*/bin. Install the PostgreSQL client: apt-get install -y postgresql-client");
    }

    private static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> args, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(Find(tool)) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PGHOST"] = target.Host ?? "localhost";
        psi.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["PGDATABASE"] = target.Database ?? "";
        if (target.Username is { Length: > 0 } user) psi.Environment["PGUSER"] = user;
        if (target.Password is { Length: > 0 } password) psi.Environment["PGPASSWORD"] = password;
        psi.Environment["PGSSLMODE"] = target.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        using var process = Process.Start(psi) ?? throw new BackupException($"Could not start {psi.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BackupException($"{tool} ended with exit code {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}".Trim());
    }
}

/// <summary>A backup or restore that cannot go on; the message says why and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
