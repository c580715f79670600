using System.Data;
using Engine.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Procedures.Persistence;

namespace Procedures.Calendar;

/// <summary>
/// Keeps this process's <see cref="CalendarProvider"/> current when another process changes the calendar: listens on
/// <see cref="CalendarChanges.Channel"/> on a connection of its own and reloads on every notification. Notifications
/// sent while nothing listens are lost, so each (re)connection reloads once after its <c>LISTEN</c>; a dropped connection
/// is opened again with backoff. A quiet connection is pinged every <see cref="Heartbeat"/>, since one lost without a
/// word (a firewall, a failed-over server) would otherwise wait for ever.
/// </summary>
public sealed class CalendarChangeListener(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, CalendarProvider calendar,
    ILogger<CalendarChangeListener> logger) : BackgroundService
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1), LongestRetry = TimeSpan.FromSeconds(30);
    private int _processId, _reloads;

    /// <summary>The server process of the listening connection, 0 while there is none (a test cuts it with <c>pg_terminate_backend</c>).</summary>
    internal int ListeningProcessId => Volatile.Read(ref _processId);

    /// <summary>Reloads so far, after notifications and (re)connections.</summary>
    internal int Reloads => Volatile.Read(ref _reloads);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            // Whatever broke (the server, the network, a reload), the answer is the same: a new connection, after a pause.
            catch (Exception e)
            {
                Volatile.Write(ref _processId, 0);
                var pause = Backoff.Delay(++failures, FirstRetry, LongestRetry);
                logger.LogWarning(e, "Calendar change notifications interrupted; listening again in {Pause}", pause);
                try { await Task.Delay(pause, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        string? reason = null;
        conn.Notification += (_, e) => reason = e.Payload;
        try
        {
            await ExecuteAsync(conn, $"LISTEN {CalendarChanges.Channel}", ct);
            Volatile.Write(ref _processId, conn.ProcessID);
            await ReloadAsync(null, ct);
            connected();
            while (true)
            {
                // A notification can also arrive while the heartbeat runs, so the flag is looked at before every wait.
                if (reason is { } received)
                {
                    reason = null;
                    await ReloadAsync(received, ct);
                }
                else if (!await conn.WaitAsync(Heartbeat, ct)) await ExecuteAsync(conn, "SELECT 1", ct);
            }
        }
        finally
        {
            // The data source does not reset connections going back to its pool: a LISTEN left on one would outlive us.
            if (conn.State == ConnectionState.Open)
            {
                try { await ExecuteAsync(conn, "UNLISTEN *", CancellationToken.None); }
                catch (NpgsqlException) { } // then the connection is broken, and a broken one never goes back to the pool
            }
        }
    }

    private async Task ReloadAsync(string? reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await calendar.ReloadAsync(scope.ServiceProvider.GetRequiredService<ProceduresDb>(), ct);
        Interlocked.Increment(ref _reloads);
        if (reason is not null) logger.LogInformation("Calendar reloaded after a change: {Reason}", reason);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
