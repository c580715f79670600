using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Statistics;

/// <summary>How far a criterion rests on data we hold.</summary>
public enum CriterionData
{
    /// <summary>Computed from the records the criterion is about.</summary>
    Measured,
    /// <summary>Computed from the nearest data we hold; the note says what stands in.</summary>
    Proxy,
    /// <summary>Nothing to compute it from in the period: no points, and left out of <see cref="ServiceIndexReport.MaxMeasured"/>.</summary>
    NoData,
}

public sealed record CriterionInput(string Name, string NameVi, decimal Value);

/// <summary>One criterion: points = min(1, rate / target) × weight, to the hundredth.</summary>
public sealed record ServiceIndexCriterion(string Code, string NameVi, string NameEn, decimal Weight, decimal Target, decimal? Rate,
    decimal Points, CriterionData Data, IReadOnlyList<CriterionInput> Inputs, string? NoteVi = null, string? NoteEn = null);

public sealed record GetServiceIndex(Guid UnitId, DateOnly From, DateOnly To);

/// <param name="MaxMeasured">The weights of the criteria that had data: the total is out of this many points.</param>
public sealed record ServiceIndexReport(Guid UnitId, string UnitCode, string UnitName, DateOnly From, DateOnly To,
    IReadOnlyList<ServiceIndexCriterion> Criteria, decimal Total, decimal MaxMeasured, RatingSummary Ratings, StatisticsFigures Figures);

/// <summary>The service index of a unit's subtree for a period, from the statistics, the catalogue and the citizens' ratings.</summary>
public sealed class ServiceIndexQuery(ProceduresDb db, StatisticsQuery statistics, ICitizenRatings ratings, ServiceIndexSettings settings, TimeProvider clock)
{
    public async Task<DomainResult<ServiceIndexReport>> HandleAsync(Actor actor, GetServiceIndex request, CancellationToken ct = default)
    {
        if (StatisticsScope.CheckPeriod(request.From, request.To, clock.Today()) is { } badPeriod) return badPeriod;
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct);
        if (resolved.Error is { } denied) return denied;
        return await ComputeAsync(resolved.Value!, request.From, request.To, ct);
    }

    internal async Task<ServiceIndexReport> ComputeAsync(StatisticsScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var f = (await statistics.ComputeAsync(scope, from, to, StatisticsGrouping.ChildUnit, ct)).Total;
        var unitIds = scope.Units.Select(u => u.Id).ToList();
        var rated = await ratings.ListAsync(unitIds, Slices.Start(from), Slices.Start(to.AddDays(1)), ct);
        var summary = RatingSummary.Of(rated, settings.RatingBands);
        var (complete, published) = await CatalogueCompletenessAsync(unitIds, to, ct);
        var s = settings;
        List<ServiceIndexCriterion> criteria =
        [
            Criterion("transparency", "Công khai, minh bạch", "Transparency", s.TransparencyWeight, s.TransparencyTarget, complete, published,
                CriterionData.Proxy, [new("procedures", "Thủ tục thuộc thẩm quyền", published), new("complete", "Thủ tục công khai đủ thông tin", complete)],
                "Ước tính: tỷ lệ thủ tục có đủ căn cứ pháp lý, thành phần hồ sơ, thời hạn và kết quả trong danh mục.",
                "Proxy: share of the procedures handled whose catalogue entry states legal basis, documents, time limit and result."),
            Criterion("progress", "Tiến độ giải quyết", "Progress of settlement", s.ProgressWeight, s.ProgressTarget,
                f.FinishedEarly + f.FinishedOnTime + f.InProgressWithinTime, f.Judged, CriterionData.Measured,
                [new("early", "Trước hạn", f.FinishedEarly), new("onTime", "Đúng hạn", f.FinishedOnTime),
                 new("inProgressWithinTime", "Đang giải quyết trong hạn", f.InProgressWithinTime), new("judged", "Tổng số hồ sơ xét tiến độ", f.Judged)]),
            Criterion("onlineService", "Dịch vụ công trực tuyến", "Online service", s.OnlineServiceWeight, s.OnlineServiceTarget,
                f.ReceivedOnline, f.Received, CriterionData.Measured,
                [new("receivedOnline", "Hồ sơ trực tuyến", f.ReceivedOnline), new("received", "Hồ sơ tiếp nhận", f.Received)]),
            Criterion("onlinePayment", "Thanh toán trực tuyến", "Online payment", s.OnlinePaymentWeight, s.OnlinePaymentTarget,
                f.ReceivedWithFeeOnline, f.ReceivedWithFee, CriterionData.Proxy,
                [new("withFeeOnline", "Hồ sơ có phí nộp trực tuyến", f.ReceivedWithFeeOnline), new("withFee", "Hồ sơ có phí, lệ phí", f.ReceivedWithFee)],
                "Ước tính: chưa ghi nhận thanh toán; dùng tỷ lệ hồ sơ có phí được nộp trực tuyến.",
                "Proxy: payments are not recorded yet; the share of fee-bearing dossiers submitted online stands in."),
            Criterion("digitisation", "Số hóa hồ sơ", "Digitisation", s.DigitisationWeight, s.DigitisationTarget,
                f.ReceivedDigitised, f.Received, CriterionData.Measured,
                [new("digitised", "Hồ sơ có thành phần được số hóa đầy đủ", f.ReceivedDigitised), new("received", "Hồ sơ tiếp nhận", f.Received)],
                "Số hóa kết quả giải quyết chưa được ghi nhận.", "Digitised results are not recorded yet."),
            Criterion("satisfaction", "Mức độ hài lòng", "Satisfaction", s.SatisfactionWeight, s.SatisfactionTarget,
                summary.AverageTotal ?? 0, summary.Count == 0 ? 0 : 2m * CitizenRating.Indicators, CriterionData.Measured,
                [new("ratings", "Lượt đánh giá", summary.Count), new("averageTotal", "Điểm bình quân (tối đa 18)", summary.AverageTotal ?? 0)]),
        ];
        return new ServiceIndexReport(scope.Root.Id, scope.Root.Code, scope.Root.Name, from, to, criteria, criteria.Sum(c => c.Points),
            criteria.Where(c => c.Data != CriterionData.NoData).Sum(c => c.Weight), summary, f);
    }

    private static ServiceIndexCriterion Criterion(string code, string vi, string en, decimal weight, decimal target, decimal part, decimal whole,
        CriterionData data, IReadOnlyList<CriterionInput> inputs, string? noteVi = null, string? noteEn = null)
    {
        if (whole == 0)
            return new(code, vi, en, weight, target, null, 0, CriterionData.NoData, inputs,
                "Không có dữ liệu trong kỳ.", "No data in the period.");
        var rate = part / whole;
        var points = Math.Round(Math.Min(1, rate / target) * weight, 2, MidpointRounding.AwayFromZero);
        return new(code, vi, en, weight, target, Math.Round(rate, 4, MidpointRounding.AwayFromZero), points, data, inputs, noteVi, noteEn);
    }

    /// <summary>Procedures the subtree is competent for on the last day, and how many of them are fully described.</summary>
    private async Task<(int Complete, int Published)> CatalogueCompletenessAsync(List<Guid> unitIds, DateOnly day, CancellationToken ct)
    {
        var procedureIds = await db.Competences.AsNoTracking()
            .Where(c => unitIds.Contains(c.UnitId) && c.EffectiveFrom <= day && (c.EffectiveTo == null || c.EffectiveTo >= day))
            .Select(c => c.ProcedureId).Distinct().ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments)
            .Where(p => procedureIds.Contains(p.Id)).ToListAsync(ct);
        var complete = procedures.Count(p => !string.IsNullOrWhiteSpace(p.LegalBasis) && p.RequiredDocuments.Count > 0 && p.ResultDocuments.Count > 0
            && (p.TimeLimitKind == Calendar.LegalTimeLimitKind.SameDay || p.TimeLimitAmount > 0));
        return (complete, procedures.Count);
    }
}
