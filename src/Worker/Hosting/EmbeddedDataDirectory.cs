using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Worker.Hosting;

/// <summary>
/// Where the embedded cluster keeps its files: <c>Embedded:DataDirectory</c>, else
/// <c>&lt;content root&gt;/.data/postgres</c>. As root the server runs as the <c>postgres</c> user, which must be
/// able to reach the folder; when the default is out of its reach (a checkout under /root, say) the cluster
/// goes to <see cref="RootFallback"/> instead.
/// </summary>
public static class EmbeddedDataDirectory
{
    public const string ConfigKey = "Embedded:DataDirectory";
    public const string RootFallback = "/var/lib/iso-dien-tu/postgres";

    public static string Resolve(IConfiguration config, string contentRoot, ILogger logger) =>
        Resolve(config[ConfigKey], contentRoot, Environment.IsPrivilegedProcess, PostgresUserCanReach, logger);

    /// <summary>The decision itself, with the machine's facts passed in so it can be tested.</summary>
    internal static string Resolve(string? configured, string contentRoot, bool runningAsRoot,
        Func<string, bool> postgresUserCanReach, ILogger logger)
    {
        var isConfigured = !string.IsNullOrWhiteSpace(configured);
        var preferred = Path.GetFullPath(isConfigured ? configured! : Path.Combine(".data", "postgres"), contentRoot);
        if (!runningAsRoot || postgresUserCanReach(preferred)) return preferred;
        if (isConfigured)
            throw new InvalidOperationException(
                $"{ConfigKey} is '{preferred}', but the postgres user cannot reach it (the server runs as postgres when started by root). " +
                "Choose a folder every parent of which the postgres user may enter, e.g. under /var/lib.");
        logger.LogWarning("The postgres user cannot reach {Preferred}; the embedded PostgreSQL keeps its data in {Fallback} instead",
            preferred, RootFallback);
        return RootFallback;
    }

    /// <summary>True when the postgres user can enter the nearest existing folder on the way to <paramref name="path"/>.</summary>
    private static bool PostgresUserCanReach(string path)
    {
        var existing = path;
        while (!Directory.Exists(existing)) existing = Path.GetDirectoryName(existing) ?? "/";
        var psi = new ProcessStartInfo("runuser") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-u", "postgres", "--", "test", "-x", existing }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi);
        if (process is null) return false;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
