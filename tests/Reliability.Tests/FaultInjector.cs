using System.Diagnostics;

namespace Reliability.Tests;

/// <summary>What the run did to the system, and what the system did on its own.</summary>
public sealed record FaultLog(int Kills, int UnexpectedExits, TimeSpan? RabbitRestart, TimeSpan? PostgresRestart);

/// <summary>
/// Faults while the load runs: every <c>killEvery</c> one API and one Worker process get SIGKILL and are started again at
/// once on the same port (the first pair as soon as a sixth of the dossiers is done, so even a short run has one); the
/// RabbitMQ node is restarted when a third of the dossiers is done and PostgreSQL when two thirds are. A process that
/// exits without being killed is counted and started again.
/// </summary>
public sealed class FaultInjector(FaultSystem system, TimeSpan killEvery, int dossiers, Func<int> done)
{
    public async Task<FaultLog> RunUntilAsync(Task load)
    {
        var clock = Stopwatch.StartNew();
        var (kills, exits, nextKill) = (0, 0, killEvery);
        Task<TimeSpan>? rabbitRestart = null, postgresRestart = null;
        while (!load.IsCompleted)
        {
            await Task.WhenAny(load, Task.Delay(250));
            if (load.IsCompleted) break;
            foreach (var host in system.Apis.Concat(system.Workers).Where(h => h.HasExited))
            {
                exits++;
                TestContext.Progress.WriteLine($"[{clock.Elapsed:mm\\:ss}] {host.Name} exited on its own:\n{host.Tail}");
                await host.KillAsync();
                host.Start();
            }
            if (clock.Elapsed >= nextKill || (kills == 0 && done() >= dossiers / 6))
            {
                var (api, worker) = (system.Apis[kills % system.Apis.Count], system.Workers[kills % system.Workers.Count]);
                await Task.WhenAll(api.KillAsync(), worker.KillAsync());
                api.Start();
                worker.Start();
                kills++;
                nextKill = clock.Elapsed + killEvery;
                TestContext.Progress.WriteLine($"[{clock.Elapsed:mm\\:ss}] kill -9 {api.Name} and {worker.Name}, started again ({done()} of {dossiers} dossiers done)");
            }
            // The restarts run beside the loop, so kills and the load go on while the broker or the database is away.
            if (rabbitRestart is null && done() >= dossiers / 3)
                rabbitRestart = TimedAsync("RabbitMQ", system.Rabbit.RestartAsync, clock);
            if (postgresRestart is null && done() >= dossiers * 2 / 3)
                postgresRestart = TimedAsync("PostgreSQL", system.Postgres.RestartAsync, clock);
        }
        await load;
        return new FaultLog(kills, exits, rabbitRestart is null ? null : await rabbitRestart, postgresRestart is null ? null : await postgresRestart);
    }

    private Task<TimeSpan> TimedAsync(string what, Func<Task> restart, Stopwatch clock) => Task.Run(async () =>
    {
        TestContext.Progress.WriteLine($"[{clock.Elapsed:mm\\:ss}] {what} restarting ({done()} of {dossiers} dossiers done)");
        var took = Stopwatch.StartNew();
        await restart();
        TestContext.Progress.WriteLine($"[{clock.Elapsed:mm\\:ss}] {what} up again after {took.Elapsed.TotalSeconds:0.0} s ({done()} of {dossiers} dossiers done)");
        return took.Elapsed;
    });
}
