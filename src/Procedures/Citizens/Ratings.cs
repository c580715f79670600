using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Procedures.Citizens;

/// <summary>Bands of a rating (the sum of 9 indicators, 0–18) or of an average of ratings ⚠.</summary>
public enum RatingGrade { Excellent, Good, Fair, Average, Weak }

/// <summary>The 9 indicators a citizen scores 0–2 each (Decree 61/2018 evaluation of a settled dossier; wording ⚠ to check).</summary>
public static class RatingIndicators
{
    public const int Count = 9, MaxPoints = 2;

    public static readonly IReadOnlyList<string> Vietnamese =
    [
        "Tổng thời gian giải quyết so với thời gian quy định",
        "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết",
        "Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ",
        "Số lượng cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ",
        "Tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích hoặc trực tuyến",
        "Tính công khai, minh bạch trong giải quyết thủ tục",
        "Tiến độ và chất lượng cung cấp thông tin",
        "Thái độ, tinh thần phục vụ của cán bộ, công chức",
        "Mức độ hài lòng chung về kết quả giải quyết",
    ];

    /// <summary>≥15 excellent, 12–&lt;15 good, 9–&lt;12 fair, 6–&lt;9 average, &lt;6 weak.</summary>
    public static RatingGrade Grade(decimal points) => points switch
    {
        >= 15 => RatingGrade.Excellent,
        >= 12 => RatingGrade.Good,
        >= 9 => RatingGrade.Fair,
        >= 6 => RatingGrade.Average,
        _ => RatingGrade.Weak,
    };
}

public sealed record RateDossier(Guid DossierId, Guid CitizenAccountId, IReadOnlyList<int> Scores, string? Comment = null);

public sealed record RatingView(Guid DossierId, IReadOnlyList<int> Scores, int Total, RatingGrade Grade, string? Comment, DateTimeOffset RatedAt)
{
    public static RatingView From(Rating r) => new(r.DossierId, r.Scores, r.Total, r.Grade, r.Comment, r.RatedAt);
}

/// <summary>Once per dossier, by the citizen who submitted it, after it has an outcome (returned, refused or stopped).</summary>
public sealed class RateDossierHandler(ProceduresDb db, TimeProvider clock)
{
    private static readonly DossierStatus[] Finished = [DossierStatus.Finished, DossierStatus.Returned, DossierStatus.NotAccepted, DossierStatus.Stopped];

    public async Task<DomainResult<RatingView>> HandleAsync(RateDossier request, CancellationToken ct = default)
    {
        var scores = request.Scores ?? [];
        if (scores.Count != RatingIndicators.Count || scores.Any(s => s is < 0 or > RatingIndicators.MaxPoints))
            return DomainError.Invalid("scores", "bad-scores", "Cần chấm đủ 9 tiêu chí, mỗi tiêu chí từ 0 đến 2 điểm.", "Score all 9 indicators, 0 to 2 points each.");
        var dossier = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.DossierId && d.CitizenAccountId == request.CitizenAccountId, ct);
        if (dossier is null || request.CitizenAccountId == Guid.Empty) return DomainError.NotFound("dossier", "hồ sơ");
        if (!Finished.Contains(dossier.Status))
            return DomainError.Conflict("not-finished", "Chỉ đánh giá được hồ sơ đã có kết quả.", "Only a dossier with an outcome can be rated.");
        if (await db.Ratings.AnyAsync(r => r.DossierId == dossier.Id, ct))
            return DomainError.Conflict("already-rated", "Hồ sơ này đã được đánh giá.", "This dossier was already rated.");
        var total = scores.Sum();
        var rating = new Rating
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), DossierId = dossier.Id, CitizenAccountId = request.CitizenAccountId, ProcedureId = dossier.ProcedureId,
            ProcessingUnitId = dossier.ProcessingUnitId, ReceivingUnitId = dossier.ReceivingUnitId, Scores = [.. scores], Total = total,
            Grade = RatingIndicators.Grade(total), Comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim(), RatedAt = clock.GetUtcNow(),
        };
        db.Ratings.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // A second rating raced the first past the check: the unique index decided.
            db.ChangeTracker.Clear();
            return DomainError.Conflict("already-rated", "Hồ sơ này đã được đánh giá.", "This dossier was already rated.");
        }
        return RatingView.From(rating);
    }

    public async Task<RatingView?> FindAsync(Guid dossierId, Guid citizenAccountId, CancellationToken ct = default) =>
        await db.Ratings.AsNoTracking().Where(r => r.DossierId == dossierId && r.CitizenAccountId == citizenAccountId)
            .Select(r => RatingView.From(r)).SingleOrDefaultAsync(ct);
}

public sealed record RatingSummary(Guid UnitId, DateOnly? From, DateOnly? To, int Count, decimal AverageTotal, RatingGrade? Grade,
    IReadOnlyList<decimal> AverageByIndicator, IReadOnlyDictionary<RatingGrade, int> ByGrade);

/// <summary>How a processing unit is rated over a period (Vietnam dates, inclusive), for its leaders and the ISO reports.</summary>
public sealed class RatingSummaryQuery(ProceduresDb db)
{
    public async Task<DomainResult<RatingSummary>> HandleAsync(Organisation.Actor actor, Guid unitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (Organisation.AdminAccess.CheckSees(actor, unit) is { } denied) return denied;
        var q = db.Ratings.AsNoTracking().Where(r => r.ProcessingUnitId == unitId);
        if (from is { } f) { var start = Start(f); q = q.Where(r => r.RatedAt >= start); }
        if (to is { } t) { var end = Start(t.AddDays(1)); q = q.Where(r => r.RatedAt < end); }
        var rows = await q.Select(r => new { r.Scores, r.Total, r.Grade }).ToListAsync(ct);
        var average = rows.Count == 0 ? 0 : Math.Round((decimal)rows.Average(r => r.Total), 2);
        return new RatingSummary(unitId, from, to, rows.Count, average, rows.Count == 0 ? null : RatingIndicators.Grade(average),
            Enumerable.Range(0, RatingIndicators.Count).Select(i => rows.Count == 0 ? 0 : Math.Round((decimal)rows.Average(r => r.Scores[i]), 2)).ToList(),
            Enum.GetValues<RatingGrade>().ToDictionary(g => g, g => rows.Count(r => r.Grade == g)));
    }

    private static DateTimeOffset Start(DateOnly day) => Common.VietnamTime.StartOf(day);
}
