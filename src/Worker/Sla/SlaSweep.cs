using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Procedures.Calendar;

namespace Worker.Sla;

/// <summary>
/// One pass over open work and open dossiers: which thresholds each has crossed by now on the working-day calendar,
/// and for the new ones, alerts and notifications (see <see cref="AlertWriter"/> for why running it twice, or on two
/// processes at once, tells nobody twice). Hangfire runs it on <see cref="SlaSettings.SweepCron"/>.
/// Subjects are read and written in pages in due order, each page in its own transaction, and pages in slices of at most
/// <see cref="SlaSettings.SliceBudget"/>, one slice after the other until everything in range is done (or
/// <see cref="SlaSettings.DrainWithin"/> has passed): when thousands of items fall due at the same moment, no transaction
/// and no slice holds the database for long, the memory used stays that of one page, and a sweep stopped half way (a
/// restart) leaves whole pages behind, which the next sweep skips because their alerts are recorded. A page's size
/// follows the time the last one took, so a slow machine gets smaller pages rather than longer transactions. A subject
/// that cannot be alerted because of its own data is parked (<see cref="SlaParking"/>); one whose write failed for a
/// reason that may pass is left to the next sweep; either way the others are alerted.
/// </summary>
public sealed class SlaSweep(NpgsqlDataSource dataSource, CalendarProvider calendars, SlaSettings settings, AlertWriter writer,
    TimeProvider clock, ILogger<SlaSweep> logger)
{
    private const int SmallestPage = 20;

    public async Task<SweepReport> RunAsync(CancellationToken ct = default)
    {
        var plan = Plan(clock.GetUtcNow());
        var drain = Stopwatch.StartNew();
        var report = SweepReport.Empty;
        var cursor = SweepCursor.First(settings);
        while (cursor.Stage != SweepStage.Done)
        {
            var (slice, next) = await RunSliceAsync(plan, cursor, ct);
            (report, cursor) = (report + slice, next);
            if (cursor.Stage != SweepStage.Done && drain.Elapsed > settings.DrainWithin)
            {
                report = report with { Drained = false };
                logger.LogWarning("SLA sweep: {Elapsed} s spent and work remains in range; the next sweep goes on", (long)drain.Elapsed.TotalSeconds);
                break;
            }
        }
        if (report.Raised > 0 || report.Failed > 0 || report.Parked > 0)
            logger.LogInformation("SLA sweep: {WorkItems} work items and {Dossiers} dossiers in range, {Raised} alerts raised, {Notified} notifications, " +
                "{Batches} batches (longest {LongestMs} ms) in {Slices} slices (longest {LongestSliceMs} ms), {Failed} subjects failed, {Parked} parked; " +
                "reading {ReadingMs} ms, computing {ComputingMs} ms, writing {WritingMs} ms",
                report.WorkItems, report.Dossiers, report.Raised, report.Notified, report.Batches, (long)report.LongestBatch.TotalMilliseconds,
                report.Slices, (long)report.LongestSlice.TotalMilliseconds, report.Failed, report.Parked,
                (long)report.Phases.Reading.TotalMilliseconds, (long)report.Phases.Computing.TotalMilliseconds, (long)report.Phases.Writing.TotalMilliseconds);
        return report;
    }

    /// <summary>What a sweep fixes at its start: the moment it judges by, and the due range of each read.</summary>
    public sealed record SweepPlan(DateTimeOffset Now, VietnameseCalendar Calendar, DateTimeOffset WorkHorizon, DateTimeOffset DossierHorizon);

    public SweepPlan Plan(DateTimeOffset now)
    {
        var calendar = calendars.Current;
        var horizon = Thresholds.Horizon(calendar, settings, now);
        var apologyHorizon = ApologyReminders.Horizon(calendar, settings, now);
        return new(now, calendar, horizon, horizon > apologyHorizon ? horizon : apologyHorizon);
    }

    /// <summary>Pages from <paramref name="cursor"/> on until the slice's budget would be passed or nothing is left; where the next slice starts.</summary>
    public async Task<(SweepReport Report, SweepCursor Next)> RunSliceAsync(SweepPlan plan, SweepCursor cursor, CancellationToken ct = default)
    {
        var slice = Stopwatch.StartNew();
        var report = SweepReport.Empty;
        var lastPage = TimeSpan.Zero;
        var pages = 0;
        while (cursor.Stage != SweepStage.Done && (pages == 0 || slice.Elapsed + lastPage <= settings.SliceBudget))
        {
            var page = Stopwatch.StartNew();
            var (done, next) = await PageAsync(plan, cursor, ct);
            lastPage = page.Elapsed;
            report += done;
            pages++;
            cursor = next with { PageSize = Resize(next.PageSize, done.WorkItems + done.Dossiers, lastPage) };
        }
        return (report with { Slices = 1, LongestSlice = slice.Elapsed }, cursor);
    }

    /// <summary>
    /// The next page takes as many subjects as fit in a quarter of the slice's budget at the last page's pace, never more than
    /// twice as many: on a loaded machine one page's time varies by half or more, and the slice must not overshoot by a page.
    /// </summary>
    private int Resize(int size, int subjects, TimeSpan took)
    {
        if (subjects < size || took <= TimeSpan.Zero) return size;
        var fit = (int)Math.Min(int.MaxValue, subjects * (settings.SliceBudget / 4 / took));
        return Math.Clamp(Math.Min(fit, subjects * 2), Math.Min(SmallestPage, settings.BatchSize), Math.Max(1, settings.BatchSize));
    }

    private async Task<(SweepReport Done, SweepCursor Next)> PageAsync(SweepPlan plan, SweepCursor cursor, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var items = cursor.Stage == SweepStage.WorkItems;
        var read = items
            ? await SlaCandidates.WorkItemsAsync(dataSource, plan.WorkHorizon, (cursor.AfterDueAt, cursor.AfterId), cursor.PageSize, ct)
            : await SlaCandidates.DossiersAsync(dataSource, plan.DossierHorizon, (cursor.AfterDueAt, cursor.AfterId), cursor.PageSize, ct);
        if (read.Count == 0) return (SweepReport.Empty, cursor.NextStage());
        var next = read.Count < cursor.PageSize ? cursor.NextStage() : cursor with { AfterDueAt = read[^1].DueAt, AfterId = read[^1].Id };
        var page = read.Where(s => !s.Raised.Contains(Thresholds.Parked) && !s.Raised.Contains(Thresholds.Dismissed)).ToList();
        var org = await OrganisationSnapshot.LoadAsync(dataSource, page.Select(s => s.UnitId), Thresholds.VietnamDay(plan.Now), ct);
        var reading = watch.Elapsed;
        watch.Restart();
        var alerts = new List<PendingAlert>();
        var (parked, unparked) = (0, 0);
        foreach (var subject in page)
        {
            try { alerts.AddRange(items ? WorkItemAlerts(plan, subject, org) : DossierAlerts(plan, subject, org)); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "SLA sweep: the thresholds of {Kind} {Id} could not be computed; it is parked, the others go on", subject.Kind, subject.Id);
                if (await TryParkAsync(subject, e, plan.Now, ct)) parked++;
                else unparked++;
            }
        }
        var computing = watch.Elapsed;
        watch.Restart();
        var written = await WriteAsync(alerts, plan.Now, ct);
        var took = watch.Elapsed;
        logger.LogDebug("SLA sweep batch: {Subjects} subjects, {Raised} alerts raised in {Ms} ms", read.Count, written.Raised, (long)took.TotalMilliseconds);
        return (new SweepReport(items ? read.Count : 0, items ? 0 : read.Count, written.Raised, written.Notified, alerts.Count > 0 ? 1 : 0, took, written.Failed + unparked)
        {
            Phases = new SweepPhases(reading, computing, took),
            Parked = parked + written.Parked,
        }, next);
    }

    private List<PendingAlert> WorkItemAlerts(SweepPlan plan, SlaSubject item, OrganisationSnapshot org) =>
        AlertPolicy.For(item, Thresholds.Crossed(plan.Calendar, settings, item.CreatedAt, item.DueAt, item.UnitId, plan.Now, item.Raised).ToList(), org).ToList();

    private List<PendingAlert> DossierAlerts(SweepPlan plan, SlaSubject dossier, OrganisationSnapshot org)
    {
        var crossed = Thresholds.Crossed(plan.Calendar, settings, dossier.CreatedAt, dossier.DueAt, dossier.UnitId, plan.Now, dossier.Raised, escalates: false).ToList();
        if (ApologyReminders.IsDue(plan.Calendar, settings, dossier, plan.Now)) crossed.Add(Thresholds.ApologyDue);
        return AlertPolicy.For(dossier, crossed, org, ApologyReminders.ApologyDay(plan.Calendar, settings, dossier.DueAt)).ToList();
    }

    /// <summary>Parks the subject; when even that fails, logs it and lets the next sweep meet the subject again.</summary>
    private async Task<bool> TryParkAsync(SlaSubject subject, Exception error, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await SlaParking.ParkAsync(dataSource, subject, error, now, ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "SLA sweep: {Kind} {Id} could not be parked; the next sweep meets it again", subject.Kind, subject.Id);
            return false;
        }
    }

    private sealed record Written(int Raised, int Notified, int Failed, int Parked);

    /// <summary>A page in one transaction; when that fails, each subject's alerts on their own, so one bad subject costs only itself.</summary>
    private async Task<Written> WriteAsync(List<PendingAlert> alerts, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var (raised, notified) = await writer.WriteAsync(alerts, now, ct);
            return new(raised, notified, 0, 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "SLA sweep: a batch of {Count} alerts could not be written; writing them subject by subject", alerts.Count);
            var (r, n, f, p) = (0, 0, 0, 0);
            foreach (var subject in alerts.GroupBy(a => a.Subject.Id))
            {
                try
                {
                    var (raised, notified) = await writer.WriteAsync(subject.ToList(), now, ct);
                    (r, n) = (r + raised, n + notified);
                }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    var first = subject.First().Subject;
                    if (SlaParking.IsPoison(one))
                    {
                        logger.LogError(one, "SLA sweep: the alerts of {Kind} {Id} are refused by the database; it is parked, the others go on", first.Kind, first.Id);
                        if (await TryParkAsync(first, one, now, ct)) p++;
                        else f++;
                    }
                    else
                    {
                        logger.LogError(one, "SLA sweep: the alerts of {Kind} {Id} could not be written; the next sweep tries again, the others go on", first.Kind, first.Id);
                        f++;
                    }
                }
            }
            return new(r, n, f, p);
        }
    }
}
