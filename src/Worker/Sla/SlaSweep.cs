using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Procedures.Calendar;

namespace Worker.Sla;

/// <summary>What one sweep saw and did; <paramref name="Batches"/> transactions written, the longest taking <paramref name="LongestBatch"/>.</summary>
public sealed record SweepReport(int WorkItems, int Dossiers, int Raised, int Notified, int Batches = 0, TimeSpan LongestBatch = default, int Failed = 0)
{
    /// <summary>Where the sweep's time went: reading pages and who holds which role, computing thresholds and texts, writing alerts.</summary>
    public SweepPhases Phases { get; init; } = new();
}

/// <summary>Time spent per phase of a sweep, summed over its pages.</summary>
public sealed record SweepPhases(TimeSpan Reading = default, TimeSpan Computing = default, TimeSpan Writing = default)
{
    public static SweepPhases operator +(SweepPhases a, SweepPhases b) => new(a.Reading + b.Reading, a.Computing + b.Computing, a.Writing + b.Writing);
}

/// <summary>
/// One pass over open work and open dossiers: which thresholds each has crossed by now on the working-day calendar,
/// and for the new ones, alerts and notifications (see <see cref="AlertWriter"/> for why running it twice, or on two
/// processes at once, tells nobody twice). Hangfire runs it on <see cref="SlaSettings.SweepCron"/>.
/// Subjects are read and written in pages of <see cref="SlaSettings.BatchSize"/> in due order, each page in its own
/// transaction: when thousands of items fall due at the same moment, no transaction holds the database for long,
/// the memory used stays that of one page, and a sweep stopped half way (a restart) leaves whole pages behind, which
/// the next sweep skips because their alerts are recorded. A subject whose thresholds cannot be computed, or a page
/// that cannot be written, is logged and passed; the others are still alerted.
/// </summary>
public sealed class SlaSweep(NpgsqlDataSource dataSource, CalendarProvider calendars, SlaSettings settings, AlertWriter writer,
    TimeProvider clock, ILogger<SlaSweep> logger)
{
    private delegate Task<List<SlaSubject>> PageReader(NpgsqlDataSource dataSource, DateTimeOffset horizon, (DateTimeOffset, Guid) after, int limit,
        CancellationToken ct);

    public async Task<SweepReport> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var calendar = calendars.Current;
        var horizon = Thresholds.Horizon(calendar, settings, now);
        var apologyHorizon = ApologyReminders.Horizon(calendar, settings, now);

        var items = await SweepAsync(SlaCandidates.WorkItemsAsync, horizon, now, (item, org) =>
            AlertPolicy.For(item, Thresholds.Crossed(calendar, settings, item.CreatedAt, item.DueAt, item.UnitId, now, item.Raised).ToList(), org), ct);
        var dossiers = await SweepAsync(SlaCandidates.DossiersAsync, horizon > apologyHorizon ? horizon : apologyHorizon, now, (dossier, org) =>
        {
            var crossed = Thresholds.Crossed(calendar, settings, dossier.CreatedAt, dossier.DueAt, dossier.UnitId, now, dossier.Raised, escalates: false).ToList();
            if (ApologyReminders.IsDue(calendar, settings, dossier, now)) crossed.Add(Thresholds.ApologyDue);
            return AlertPolicy.For(dossier, crossed, org, ApologyReminders.ApologyDay(calendar, settings, dossier.DueAt));
        }, ct);
        var report = new SweepReport(items.Seen, dossiers.Seen, items.Raised + dossiers.Raised, items.Notified + dossiers.Notified,
            items.Batches + dossiers.Batches, items.Longest > dossiers.Longest ? items.Longest : dossiers.Longest, items.Failed + dossiers.Failed)
        {
            Phases = items.Phases + dossiers.Phases,
        };
        if (report.Raised > 0 || report.Failed > 0)
            logger.LogInformation("SLA sweep: {WorkItems} work items and {Dossiers} dossiers in range, {Raised} alerts raised, {Notified} notifications, " +
                "{Batches} batches (longest {LongestMs} ms), {Failed} subjects failed; reading {ReadingMs} ms, computing {ComputingMs} ms, writing {WritingMs} ms",
                report.WorkItems, report.Dossiers, report.Raised, report.Notified, report.Batches, (long)report.LongestBatch.TotalMilliseconds, report.Failed,
                (long)report.Phases.Reading.TotalMilliseconds, (long)report.Phases.Computing.TotalMilliseconds, (long)report.Phases.Writing.TotalMilliseconds);
        return report;
    }

    private sealed record Pass(int Seen, int Raised, int Notified, int Batches, TimeSpan Longest, int Failed, SweepPhases Phases);

    private async Task<Pass> SweepAsync(PageReader read, DateTimeOffset horizon, DateTimeOffset now, Func<SlaSubject, OrganisationSnapshot, IEnumerable<PendingAlert>> policy,
        CancellationToken ct)
    {
        var size = Math.Max(1, settings.BatchSize);
        var pass = new Pass(0, 0, 0, 0, TimeSpan.Zero, 0, new SweepPhases());
        (DateTimeOffset, Guid) after = (SlaCandidates.Start, Guid.Empty);
        while (true)
        {
            var watch = Stopwatch.StartNew();
            var page = await read(dataSource, horizon, after, size, ct);
            if (page.Count == 0) break;
            after = (page[^1].DueAt, page[^1].Id);
            var org = await OrganisationSnapshot.LoadAsync(dataSource, page.Select(s => s.UnitId), Thresholds.VietnamDay(now), ct);
            var reading = watch.Elapsed;
            watch.Restart();
            var alerts = new List<PendingAlert>();
            var failed = 0;
            foreach (var subject in page)
            {
                try { alerts.AddRange(policy(subject, org).ToList()); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed++;
                    logger.LogError(e, "SLA sweep: the thresholds of {Kind} {Id} could not be computed; the others go on", subject.Kind, subject.Id);
                }
            }
            var computing = watch.Elapsed;
            watch.Restart();
            var (raised, notified, failedWrites) = await WriteAsync(alerts, now, ct);
            var took = watch.Elapsed;
            logger.LogDebug("SLA sweep batch: {Subjects} subjects, {Raised} alerts raised in {Ms} ms", page.Count, raised, (long)took.TotalMilliseconds);
            pass = new Pass(pass.Seen + page.Count, pass.Raised + raised, pass.Notified + notified, pass.Batches + (alerts.Count > 0 ? 1 : 0),
                took > pass.Longest ? took : pass.Longest, pass.Failed + failed + failedWrites,
                pass.Phases + new SweepPhases(reading, computing, took));
            if (page.Count < size) break;
        }
        return pass;
    }

    /// <summary>A page in one transaction; when that fails, each subject's alerts on their own, so one bad subject costs only itself.</summary>
    private async Task<(int Raised, int Notified, int Failed)> WriteAsync(List<PendingAlert> alerts, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var (raised, notified) = await writer.WriteAsync(alerts, now, ct);
            return (raised, notified, 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var subjects = alerts.GroupBy(a => a.Subject.Id).ToList();
            if (subjects.Count == 1)
            {
                logger.LogError(e, "SLA sweep: the alerts of {Kind} {Id} could not be written; the others go on", alerts[0].Subject.Kind, subjects[0].Key);
                return (0, 0, 1);
            }
            logger.LogWarning(e, "SLA sweep: a batch of {Count} alerts could not be written; writing them subject by subject", alerts.Count);
            var (r, n, f) = (0, 0, 0);
            foreach (var subject in subjects)
            {
                try
                {
                    var (raised, notified) = await writer.WriteAsync(subject.ToList(), now, ct);
                    (r, n) = (r + raised, n + notified);
                }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    f++;
                    logger.LogError(one, "SLA sweep: the alerts of {Kind} {Id} could not be written; the others go on", subject.First().Subject.Kind, subject.Key);
                }
            }
            return (r, n, f);
        }
    }
}
