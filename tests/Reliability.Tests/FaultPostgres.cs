using System.Diagnostics;
using Engine.Hosting;

namespace Reliability.Tests;

/// <summary>
/// A PostgreSQL cluster of the run's own (the shared test cluster serves other test projects running in parallel, so it is
/// never restarted): an <see cref="EmbeddedPostgres"/> in a temporary folder, restarted with <c>pg_ctl restart -m fast</c>.
/// </summary>
public sealed class FaultPostgres(EmbeddedPostgres server) : IAsyncDisposable
{
    public string ConnectionString(string database) => server.ConnectionString(database) + ";Maximum Pool Size=40;Timeout=10";

    public static async Task<FaultPostgres> StartAsync(string database)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"iso-fault-pg-{Guid.NewGuid():N}");
        var server = await EmbeddedPostgres.StartAsync(folder, durable: false);
        await server.EnsureDatabaseAsync(database);
        return new FaultPostgres(server);
    }

    /// <summary>Disconnects every session, shuts down and starts again on the same port (the options are kept in postmaster.opts).</summary>
    public async Task RestartAsync()
    {
        var pgCtl = Path.Combine(EmbeddedPostgres.FindBinDirectory(), "pg_ctl");
        string[] args = [pgCtl, "-D", server.DataDirectory, "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(server.DataDirectory, "server.log"), "restart"];
        var asRoot = Environment.UserName == "root";
        // Not redirected: the new postmaster would hold the pipes open, and the wait would be for it rather than pg_ctl.
        var psi = new ProcessStartInfo(asRoot ? "runuser" : args[0]) { UseShellExecute = false };
        if (asRoot) foreach (var a in new[] { "-u", "postgres", "--" }) psi.ArgumentList.Add(a);
        foreach (var a in asRoot ? args : args[1..]) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("pg_ctl did not start");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl restart ended with {process.ExitCode}");
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        try
        {
            Directory.Delete(server.DataDirectory, recursive: true);
            File.Delete(EmbeddedSecrets.PathFor(server.DataDirectory));
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
