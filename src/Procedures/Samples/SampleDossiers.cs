using System.Diagnostics;
using Engine.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Hosting;
using Procedures.Persistence;

namespace Procedures.Samples;

/// <summary>A use case the sample history could not take, and for how many dossiers: a product gap, or a sample plan that no longer fits.</summary>
public sealed record SampleBlock(string Workflow, string UseCase, string Actors, string Error, int Dossiers);

/// <summary>What <see cref="SampleDossiers.SeedAsync"/> did: dossiers by portal status, the use cases refused, and how long it took.</summary>
public sealed record SampleDossierReport(bool Seeded, string? Reason, int Dossiers, int UseCases, IReadOnlyDictionary<DossierStatus, int> ByStatus,
    IReadOnlyList<SampleBlock> Blocked, TimeSpan Elapsed)
{
    public static SampleDossierReport Skipped(string reason) => new(false, reason, 0, 0, new Dictionary<DossierStatus, int>(), [], TimeSpan.Zero);
}

/// <summary>
/// Sample dossiers in every state for the sample province, so every screen has something real to show: a few hundred
/// dossiers of the sample procedures at both communes and the department, spread over the last 60 days, driven
/// through the real use cases (reception, supplement, assignment, appraisal, consultation, review, signature, return,
/// refusal, withdrawal, apology) on a clock that moves through that history, and the engine's timers fired on it.
/// </summary>
public static class SampleDossiers
{
    private const long AdvisoryLockKey = 0x1500_5EED_0002;

    /// <summary>Use cases of different dossiers in flight at once: the database, not the CPU, is what they wait for.</summary>
    private static readonly int Parallelism = Math.Clamp(Environment.ProcessorCount * 2, 2, 8);

    /// <summary>
    /// Seeds unless any dossier exists (or another process is seeding). Needs <see cref="SampleData.SeedAsync"/> and the
    /// library's workflows first. The use cases run in a service provider of their own, configured like the host's
    /// (<c>AddWorkflowEngine</c> + <c>AddProcedures</c> on the host's data source, calendar and dossier settings) but on a
    /// clock the history moves; the last move happens before <paramref name="clock"/>'s now. The messages the history
    /// wrote to the outbox are marked dispatched: old news must not reach anyone (nor the fictitious applicants).
    /// Deterministic for one <paramref name="seed"/> and one now.
    /// </summary>
    public static async Task<SampleDossierReport> SeedAsync(IServiceProvider scopedServices, TimeProvider clock, int count = 300, int seed = 20261123,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var logger = scopedServices.GetService<ILoggerFactory>()?.CreateLogger(typeof(SampleDossiers).FullName!) ?? NullLogger.Instance;
        var dataSource = scopedServices.GetRequiredService<NpgsqlDataSource>();
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(lockConnection, ct)) return Skip(logger, "another process is seeding sample dossiers\n");
        try
        {
            var db = scopedServices.GetRequiredService<ProceduresDb>();
            if (await db.Dossiers.AnyAsync(ct)) return Skip(logger, "dossiers already exist");
            if (await SampleProvince.LoadAsync(db, ct) is not { } province) return Skip(logger, "the sample province is not seeded");
            return await GenerateAsync(scopedServices, dataSource, province, clock.GetUtcNow(), count, seed, logger, ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", lockConnection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<SampleDossierReport> GenerateAsync(IServiceProvider host, NpgsqlDataSource dataSource, SampleProvince province,
        DateTimeOffset now, int count, int seed, ILogger logger, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var sampleClock = new SampleClock(now);
        await using var services = HistoryServices(host, dataSource, sampleClock);
        var calendar = services.GetRequiredService<CalendarProvider>().Current;
        var plans = new SamplePlanner(province, calendar, now, new Random(seed)).Plan(count);
        var outboxBefore = await Engine.Outbox.OutboxSilence.PositionAsync(dataSource, ct);

        var runner = new SampleHistoryRunner(services, sampleClock, province.Unit, Parallelism);
        var (dossiers, stoppedBy) = await runner.RunAsync(plans, ct);
        await Engine.Outbox.OutboxSilence.MarkSentSinceAsync(dataSource, outboxBefore, ct);

        var db = host.GetRequiredService<ProceduresDb>();
        var byStatus = await db.Dossiers.AsNoTracking().GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var blocked = plans.Zip(stoppedBy).Where(x => x.Second is not null)
            .GroupBy(x => (x.First.Route.Workflow, UseCase: x.Second!.Value.Move.Kind.ToString(), x.Second!.Value.Error))
            .Select(g => new SampleBlock(g.Key.Workflow, g.Key.UseCase, string.Join(", ", g.Select(x => x.Second!.Value.Move.Actor).Distinct().Order(StringComparer.Ordinal)),
                g.Key.Error, g.Count()))
            .OrderByDescending(b => b.Dossiers).ThenBy(b => b.Workflow, StringComparer.Ordinal).ToList();
        var report = new SampleDossierReport(true, null, dossiers.Count(d => d is not null), runner.UseCases, byStatus, blocked, watch.Elapsed);
        logger.LogInformation("Sample dossiers seeded: {Dossiers} dossiers through {UseCases} use cases in {Elapsed:0.0} s; by status {ByStatus}",
            report.Dossiers, report.UseCases, report.Elapsed.TotalSeconds, string.Join(", ", byStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        foreach (var block in blocked)
            logger.LogWarning("Sample dossiers: {Dossiers} {Workflow} dossier(s) stopped where {UseCase} by {Actors} was refused ({Error})",
                block.Dossiers, block.Workflow, block.UseCase, block.Actors, block.Error);
        return report;
    }

    /// <summary>The host's registrations (engine and procedures on its data source, calendar, settings), on the history's clock.</summary>
    private static ServiceProvider HistoryServices(IServiceProvider host, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).AddLogging();
        services.AddSingleton(dataSource);
        services.AddSingleton(host.GetRequiredService<CalendarProvider>());
        services.AddSingleton(host.GetService<DossierSettings>() ?? new DossierSettings());
        services.AddSingleton(clock);
        services.AddWorkflowEngine(dataSource.ConnectionString).AddProcedures();
        return services.BuildServiceProvider();
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({AdvisoryLockKey})", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private static SampleDossierReport Skip(ILogger logger, string reason)
    {
        logger.LogInformation("Sample dossiers not seeded: {Reason}", reason);
        return SampleDossierReport.Skipped(reason);
    }
}
