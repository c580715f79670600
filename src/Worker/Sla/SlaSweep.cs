using Microsoft.Extensions.Logging;
using Npgsql;
using Procedures.Calendar;

namespace Worker.Sla;

/// <summary>What one sweep saw and did.</summary>
public sealed record SweepReport(int WorkItems, int Dossiers, int Raised, int Notified);

/// <summary>
/// One pass over open work and open dossiers: which thresholds each has crossed by now on the working-day calendar,
/// and for the new ones, alerts and notifications (see <see cref="AlertWriter"/> for why running it twice, or on two
/// processes at once, tells nobody twice). Hangfire runs it on <see cref="SlaSettings.SweepCron"/>.
/// </summary>
public sealed class SlaSweep(NpgsqlDataSource dataSource, CalendarProvider calendars, SlaSettings settings, AlertWriter writer,
    TimeProvider clock, ILogger<SlaSweep> logger)
{
    public async Task<SweepReport> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var calendar = calendars.Current;
        var horizon = Thresholds.Horizon(calendar, settings, now);
        var apologyHorizon = ApologyReminders.Horizon(calendar, settings, now);
        var workItems = await SlaCandidates.WorkItemsAsync(dataSource, horizon, ct);
        var dossiers = await SlaCandidates.DossiersAsync(dataSource, horizon > apologyHorizon ? horizon : apologyHorizon, ct);
        var org = await OrganisationSnapshot.LoadAsync(dataSource, workItems.Concat(dossiers).Select(s => s.UnitId), Thresholds.VietnamDay(now), ct);

        var alerts = new List<PendingAlert>();
        foreach (var item in workItems)
            alerts.AddRange(AlertPolicy.For(item, Thresholds.Crossed(calendar, settings, item.CreatedAt, item.DueAt, item.UnitId, now).ToList(), org));
        foreach (var dossier in dossiers)
        {
            var crossed = Thresholds.Crossed(calendar, settings, dossier.CreatedAt, dossier.DueAt, dossier.UnitId, now)
                .Where(t => t != Thresholds.Escalated).ToList();
            if (ApologyReminders.IsDue(calendar, settings, dossier, now)) crossed.Add(Thresholds.ApologyDue);
            alerts.AddRange(AlertPolicy.For(dossier, crossed, org, ApologyReminders.ApologyDay(calendar, settings, dossier.DueAt)));
        }

        var (raised, notified) = (0, 0);
        foreach (var batch in alerts.Chunk(Math.Max(1, settings.BatchSize)))
        {
            var (r, n) = await writer.WriteAsync(batch, now, ct);
            (raised, notified) = (raised + r, notified + n);
        }
        if (raised > 0)
            logger.LogInformation("SLA sweep: {WorkItems} work items and {Dossiers} dossiers in range, {Raised} alerts raised, {Notified} notifications",
                workItems.Count, dossiers.Count, raised, notified);
        return new SweepReport(workItems.Count, dossiers.Count, raised, notified);
    }
}
