using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Quality;
using Procedures.Statistics;

namespace Procedures.Reports;

public sealed record SaveIsoReportDraft(Guid UnitId, ReportKind Kind, int Year, string? Assessment, string? Difficulties, string? Proposals);

/// <summary>Sends the report up: the figures are fixed as they stand now; once submitted it is not changed.</summary>
public sealed record SubmitIsoReport(Guid UnitId, ReportKind Kind, int Year);

public sealed record GetIsoReport(Guid UnitId, ReportKind Kind, int Year);

/// <summary>The unit's report consolidated from its direct children's reports and its own dossiers and records.</summary>
public sealed record GetConsolidatedReport(Guid UnitId, ReportKind Kind, int Year);

/// <summary>The deadline and submission state of the unit and every unit below it, for one report.</summary>
public sealed record ListSubmissions(Guid UnitId, ReportKind Kind, int Year);

public sealed record IsoReportView(IsoReportContent Content, SubmissionState State, DateTimeOffset? SubmittedAt, string? SubmittedBy);

public sealed class IsoReportsHandler(ProceduresDb db, StatisticsQuery statistics, ReportCalendarSettings settings, TimeProvider clock)
{
    private readonly IsoReportBuilder _builder = new(db, statistics, settings, clock);

    public async Task<DomainResult<IsoReportView>> HandleAsync(Actor actor, SaveIsoReportDraft request, CancellationToken ct = default)
    {
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        if (CheckYear(request.Year) is { } badYear) return badYear;
        var report = await FindOrNewAsync(request.UnitId, request.Kind, request.Year, ct);
        if (report.Status == ReportStatus.Submitted) return AlreadySubmitted();
        (report.Assessment, report.Difficulties, report.Proposals) = (request.Assessment?.Trim(), request.Difficulties?.Trim(), request.Proposals?.Trim());
        (report.UpdatedAt, report.UpdatedBy) = (clock.GetUtcNow(), actor.UserName);
        await db.SaveChangesAsync(ct);
        return await HandleAsync(actor, new GetIsoReport(request.UnitId, request.Kind, request.Year), ct);
    }

    public async Task<DomainResult<IsoReportView>> HandleAsync(Actor actor, SubmitIsoReport request, CancellationToken ct = default)
    {
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        if (CheckYear(request.Year) is { } badYear) return badYear;
        var scope = (await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct)).Value!;
        var report = await FindOrNewAsync(request.UnitId, request.Kind, request.Year, ct);
        if (report.Status == ReportStatus.Submitted) return AlreadySubmitted();
        var period = _builder.Period(scope.Root, request.Kind, request.Year);
        var content = await _builder.LiveAsync(scope, await _builder.SumsAsync(scope, period, ct), scope.Root, request.Kind, request.Year, report, ct);
        (report.Status, report.Content, report.SubmittedAt, report.SubmittedBy) =
            (ReportStatus.Submitted, IsoReportBuilder.Serialize(content), clock.GetUtcNow(), actor.UserName);
        (report.UpdatedAt, report.UpdatedBy) = (clock.GetUtcNow(), actor.UserName);
        await db.SaveChangesAsync(ct);
        return new IsoReportView(content, _builder.State(report, period), report.SubmittedAt, report.SubmittedBy);
    }

    public async Task<DomainResult<IsoReportView>> HandleAsync(Actor actor, GetIsoReport request, CancellationToken ct = default)
    {
        if (CheckYear(request.Year) is { } badYear) return badYear;
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct);
        if (resolved.Error is { } denied) return denied;
        var scope = resolved.Value!;
        var report = await db.IsoReports.AsNoTracking().SingleOrDefaultAsync(r => r.UnitId == request.UnitId && r.Kind == request.Kind && r.Year == request.Year, ct);
        var period = _builder.Period(scope.Root, request.Kind, request.Year);
        var content = report?.Content is { } json ? IsoReportBuilder.Deserialize(json)
            : await _builder.LiveAsync(scope, await _builder.SumsAsync(scope, period, ct), scope.Root, request.Kind, request.Year, report, ct);
        return new IsoReportView(content, _builder.State(report, period), report?.SubmittedAt, report?.SubmittedBy);
    }

    public async Task<DomainResult<ConsolidatedReport>> HandleAsync(Actor actor, GetConsolidatedReport request, CancellationToken ct = default)
    {
        if (CheckYear(request.Year) is { } badYear) return badYear;
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct);
        if (resolved.Error is { } denied) return denied;
        var scope = resolved.Value!;
        var period = _builder.Period(scope.Root, request.Kind, request.Year);
        var byUnit = await _builder.SumsAsync(scope, period, ct);
        var children = scope.Children;
        var reports = await ReportsAsync(children.Select(c => c.Id).Append(scope.Root.Id), request.Kind, request.Year, ct);
        var rows = new List<ConsolidatedRow>();
        foreach (var child in children)
        {
            var report = reports.GetValueOrDefault(child.Id);
            var content = report?.Content is { } json ? IsoReportBuilder.Deserialize(json)
                : await _builder.LiveAsync(scope, byUnit, child, request.Kind, request.Year, report, ct);
            rows.Add(new ConsolidatedRow(child.Id, child.Code, child.Name, false, _builder.State(report, _builder.Period(child, request.Kind, request.Year)),
                content.Figures, content.Quality));
        }
        var own = ReportFigures.Of(byUnit.TryGetValue(scope.Root.Id, out var direct) ? direct : new FigureSums());
        rows.Insert(0, new ConsolidatedRow(scope.Root.Id, scope.Root.Code, $"{scope.Root.Name} (trực tiếp)", true,
            _builder.State(reports.GetValueOrDefault(scope.Root.Id), period), own, await _builder.QualityAsync([scope.Root.Id], period, ct)));
        return new ConsolidatedReport(scope.Root.Id, scope.Root.Code, scope.Root.Name, period, rows,
            ReportFigures.Sum(rows.Select(r => r.Figures)), QualitySummary.Sum(rows.Select(r => r.Quality)), _builder.AsOf(period));
    }

    public async Task<DomainResult<IReadOnlyList<SubmissionStatus>>> HandleAsync(Actor actor, ListSubmissions request, CancellationToken ct = default)
    {
        if (CheckYear(request.Year) is { } badYear) return badYear;
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct);
        if (resolved.Error is { } denied) return denied;
        var units = resolved.Value!.Units.Where(u => u.EffectiveTo is null || u.EffectiveTo >= new DateOnly(request.Year, 1, 1)).ToList();
        var reports = await ReportsAsync(units.Select(u => u.Id), request.Kind, request.Year, ct);
        return units.OrderBy(u => u.Path.Length).ThenBy(u => u.Code, StringComparer.Ordinal).Select(u =>
        {
            var report = reports.GetValueOrDefault(u.Id);
            var period = _builder.Period(u, request.Kind, request.Year);
            return new SubmissionStatus(u.Id, u.Code, u.Name, period, _builder.State(report, period), report?.SubmittedAt, report?.SubmittedBy);
        }).ToList();
    }

    private async Task<Dictionary<Guid, IsoReport>> ReportsAsync(IEnumerable<Guid> unitIds, ReportKind kind, int year, CancellationToken ct)
    {
        var ids = unitIds.ToList();
        return await db.IsoReports.AsNoTracking().Where(r => ids.Contains(r.UnitId) && r.Kind == kind && r.Year == year).ToDictionaryAsync(r => r.UnitId, ct);
    }

    private async Task<IsoReport> FindOrNewAsync(Guid unitId, ReportKind kind, int year, CancellationToken ct)
    {
        var report = await db.IsoReports.SingleOrDefaultAsync(r => r.UnitId == unitId && r.Kind == kind && r.Year == year, ct);
        if (report is not null) return report;
        report = new IsoReport { Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = unitId, Kind = kind, Year = year, Status = ReportStatus.Draft };
        db.IsoReports.Add(report);
        return report;
    }

    private DomainError? CheckYear(int year) => InputRanges.Year(year) ?? (year > clock.Today().Year + 1
        ? DomainError.Invalid("year", "bad-year", "Năm báo cáo không hợp lệ.", "The report year is out of range.") : null);

    private static DomainError AlreadySubmitted() =>
        DomainError.Conflict("already-submitted", "Báo cáo đã gửi, không sửa được.", "The report was submitted and cannot change.");
}
