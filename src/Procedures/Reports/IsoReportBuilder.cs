using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Quality;
using Procedures.Statistics;

namespace Procedures.Reports;

/// <summary>Builds report contents from the statistics and the ISO records; reads submitted snapshots back.</summary>
internal sealed class IsoReportBuilder(ProceduresDb db, StatisticsQuery statistics, ReportCalendarSettings settings, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ReportPeriod Period(ScopeUnit unit, ReportKind kind, int year) => settings.Period(kind, year, unit.TypeCode);

    /// <summary>The report of <paramref name="unit"/> (a unit of the scope), live, with its draft narrative if any.</summary>
    public async Task<IsoReportContent> LiveAsync(StatisticsScope scope, Dictionary<Guid, FigureSums> byUnit, ScopeUnit unit, ReportKind kind, int year,
        IsoReport? report, CancellationToken ct)
    {
        var period = Period(unit, kind, year);
        var units = scope.Subtree(unit).ToList();
        var figures = ReportFigures.Of(units.Where(byUnit.ContainsKey).Select(u => byUnit[u]).Total());
        return new IsoReportContent(unit.Id, unit.Code, unit.Name, period, figures, await QualityAsync(units, period, ct),
            report?.Assessment, report?.Difficulties, report?.Proposals, AsOf(period));
    }

    public async Task<QualitySummary> QualityAsync(IReadOnlyCollection<Guid> units, ReportPeriod p, CancellationToken ct)
    {
        var (start, end) = (Slices.Start(p.From), Slices.Start(p.To.AddDays(1)));
        var nc = db.Nonconformities.AsNoTracking().Where(n => units.Contains(n.UnitId));
        return new QualitySummary(
            await db.AuditPlans.CountAsync(a => units.Contains(a.UnitId) && a.Status == AuditStatus.Done && a.DoneOn >= p.From && a.DoneOn <= p.To, ct),
            await nc.CountAsync(n => n.RaisedAt >= start && n.RaisedAt < end, ct),
            await nc.CountAsync(n => n.ClosedAt >= start && n.ClosedAt < end, ct),
            await nc.CountAsync(n => n.RaisedAt < end && (n.ClosedAt == null || n.ClosedAt >= end), ct),
            await db.ManagementReviews.CountAsync(m => units.Contains(m.UnitId) && m.HeldOn >= p.From && m.HeldOn <= p.To, ct),
            await db.ControlledDocuments.CountAsync(d => units.Contains(d.UnitId) && d.EffectiveFrom >= p.From && d.EffectiveFrom <= p.To, ct));
    }

    public Task<Dictionary<Guid, FigureSums>> SumsAsync(StatisticsScope scope, ReportPeriod period, CancellationToken ct) =>
        statistics.SumsByUnitAsync(scope, period.From, period.To, ct);

    public static string Serialize(IsoReportContent content) => JsonSerializer.Serialize(content, Json);

    public static IsoReportContent Deserialize(string json) => JsonSerializer.Deserialize<IsoReportContent>(json, Json)!;

    public SubmissionState State(IsoReport? report, ReportPeriod period) => report switch
    {
        { Status: ReportStatus.Submitted, SubmittedAt: { } at } => period.OnTime(at) ? SubmissionState.Submitted : SubmissionState.SubmittedLate,
        _ when clock.Today() > period.DueOn => SubmissionState.Late,
        { Status: ReportStatus.Draft } => SubmissionState.Draft,
        _ => SubmissionState.NotStarted,
    };

    public DateTimeOffset AsOf(ReportPeriod period)
    {
        var end = Slices.Start(period.To.AddDays(1));
        var now = clock.GetUtcNow();
        return end < now ? end : now;
    }
}
