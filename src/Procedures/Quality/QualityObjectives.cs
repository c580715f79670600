using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Statistics;

namespace Procedures.Quality;

public sealed record SetQualityPolicy(Guid UnitId, string Text, string ApprovedBy, DateOnly ApprovedOn);

public sealed record SetQualityObjective(Guid UnitId, int Year, string Title, ObjectiveMeasure Measure, decimal Target, string? Owner = null);

public sealed record TrackObjectives(Guid UnitId, int Year);

/// <param name="Actual">The measure over the year so far (to today, or to 31 December for a past year); null with nothing to measure.</param>
public sealed record ObjectiveProgress(Guid Id, string Title, ObjectiveMeasure Measure, decimal Target, bool AtMost, decimal? Actual, bool? Met,
    DateOnly From, DateOnly To, string? Owner);

public sealed record ObjectivesReport(Guid UnitId, int Year, string? Policy, int? PolicyVersion, IReadOnlyList<ObjectiveProgress> Objectives);

/// <summary>Quality policy and measurable objectives, and how the objectives stand against the statistics.</summary>
public sealed class QualityObjectivesHandler(ProceduresDb db, StatisticsQuery statistics, ICitizenRatings ratings, TimeProvider clock)
{
    public async Task<DomainResult<int>> HandleAsync(Actor actor, SetQualityPolicy request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Text, "text", "nội dung chính sách chất lượng", "The policy text") is { } t) return t;
        if (QualityAccess.Text(request.ApprovedBy, "approvedBy", "người phê duyệt", "The approver", 200) is { } a) return a;
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        var version = await db.QualityPolicies.Where(p => p.UnitId == request.UnitId).Select(p => (int?)p.Version).MaxAsync(ct) ?? 0;
        db.QualityPolicies.Add(new QualityPolicy
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = request.UnitId, Version = version + 1, Text = request.Text.Trim(),
            ApprovedBy = request.ApprovedBy.Trim(), ApprovedOn = request.ApprovedOn,
        });
        await db.SaveChangesAsync(ct);
        return version + 1;
    }

    public async Task<DomainResult<Guid>> HandleAsync(Actor actor, SetQualityObjective request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Title, "title", "nội dung mục tiêu", "The objective", 500) is { } t) return t;
        if (!Enum.IsDefined(request.Measure)) return DomainError.Invalid("measure", "bad-measure", "Thước đo không hợp lệ.", "Unknown measure.");
        if (request.Target < 0 || request.Measure is ObjectiveMeasure.OnTimeRate or ObjectiveMeasure.OnlineRate && request.Target > 1)
            return DomainError.Invalid("target", "bad-target", "Chỉ tiêu không hợp lệ (tỷ lệ ghi từ 0 đến 1, ví dụ 0,95).",
                "The target is out of range (rates are 0 to 1, e.g. 0.95).");
        if (InputRanges.Year(request.Year) is not null || request.Year > clock.Today().Year + 1)
            return DomainError.Invalid("year", "bad-year", "Năm không hợp lệ.", "The year is out of range.");
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        var objective = new QualityObjective
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = request.UnitId, Year = request.Year, Title = request.Title.Trim(),
            Measure = request.Measure, Target = request.Target, Owner = request.Owner?.Trim(), CreatedBy = actor.UserName, CreatedAt = clock.GetUtcNow(),
        };
        db.QualityObjectives.Add(objective);
        await db.SaveChangesAsync(ct);
        return objective.Id;
    }

    public async Task<DomainResult<ObjectivesReport>> HandleAsync(Actor actor, TrackObjectives request, CancellationToken ct = default)
    {
        if (InputRanges.Year(request.Year) is { } badYear) return badYear;
        var scope = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct);
        if (scope.Error is { } denied) return denied;
        var policy = await db.QualityPolicies.AsNoTracking().Where(p => p.UnitId == request.UnitId).OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        var objectives = await db.QualityObjectives.AsNoTracking().Where(o => o.UnitId == request.UnitId && o.Year == request.Year)
            .OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var (from, to) = (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
        if (to > clock.Today()) to = clock.Today();
        var progress = new List<ObjectiveProgress>();
        if (objectives.Count > 0 && from <= to)
        {
            var figures = (await statistics.ComputeAsync(scope.Value!, from, to, StatisticsGrouping.ChildUnit, ct)).Total;
            var rated = objectives.Any(o => o.Measure == ObjectiveMeasure.SatisfactionAverage)
                ? RatingSummary.Of(await ratings.ListAsync(scope.Value!.Units.Select(u => u.Id).ToList(), Slices.Start(from), Slices.Start(to.AddDays(1)), ct), new RatingBands())
                : null;
            foreach (var o in objectives)
            {
                var actual = o.Measure switch
                {
                    ObjectiveMeasure.OnTimeRate => figures.OnTimeRate,
                    ObjectiveMeasure.OnlineRate => figures.Received == 0 ? null : Math.Round((decimal)figures.ReceivedOnline / figures.Received, 4, MidpointRounding.AwayFromZero),
                    ObjectiveMeasure.AverageDays => figures.AverageDays,
                    ObjectiveMeasure.OverdueInProgress => figures.InProgressOverdue,
                    _ => rated?.AverageTotal,
                };
                progress.Add(new ObjectiveProgress(o.Id, o.Title, o.Measure, o.Target, o.AtMost, actual,
                    actual is { } v ? (o.AtMost ? v <= o.Target : v >= o.Target) : null, from, to, o.Owner));
            }
        }
        return new ObjectivesReport(request.UnitId, request.Year, policy?.Text, policy?.Version, progress);
    }
}
