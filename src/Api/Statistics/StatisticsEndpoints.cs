using Api.Audit;
using Api.Accounts;
using Api.Admin;
using Procedures.Statistics;

namespace Api.Statistics;

/// <summary>
/// Dashboard figures, the dossiers behind each figure, the service index and the citizens' rating results. Any
/// official may call them; the domain answers for the unit's subtree only when the official belongs to that unit or
/// a unit above it (leaders and unit admins see their unit's roll-up), 404 outside their branch, 403 above it.
/// Citizens and anonymous callers are refused by the policy.
/// </summary>
public static class StatisticsEndpoints
{
    public static void Map(WebApplication app)
    {
        var stats = app.MapGroup("/api/v1/statistics").WithTags("Statistics").RequireAuthorization(Policies.Official);
        stats.MapGet("/figures", (HttpContext http, StatisticsQuery q, Guid unitId, DateOnly from, DateOnly to,
                StatisticsGrouping groupBy = StatisticsGrouping.ChildUnit, Guid? procedureId = null, Guid? sectorId = null, string? official = null) =>
                AdminActor.RunAsync(http, a => q.HandleAsync(a, new GetStatistics(unitId, from, to, groupBy, procedureId, sectorId, official), http.RequestAborted)))
            .WithName("StatisticsFigures").WithSummary("Số liệu thống kê hồ sơ theo đơn vị, thủ tục, lĩnh vực, cán bộ, tháng")
            .WithDescription("Official of the unit or of a unit above it. Figures as of the last refresh (refreshedAt); period inclusive, Vietnam days.")
            .StatisticsProblems();
        stats.MapGet("/dossiers", (HttpContext http, StatisticsDrillDownQuery q, Guid unitId, DateOnly from, DateOnly to, StatisticsFigure figure,
                StatisticsGrouping groupBy = StatisticsGrouping.ChildUnit, string? rowKey = null, Guid? procedureId = null, Guid? sectorId = null,
                string? official = null, int page = 1, int pageSize = 50) =>
                AdminActor.RunAsync(http, a => q.HandleAsync(a, new DrillDown(unitId, from, to, figure, groupBy, rowKey, procedureId, sectorId, official,
                    Math.Max(1, page), Math.Clamp(pageSize, 1, 500)), http.RequestAborted)))
            .Audited("statistics.dossiers.read", "unit").WithName("StatisticsDrillDown").WithSummary("Danh sách hồ sơ sau một ô số liệu")
            .WithDescription("The same unit, period, grouping and filters as the figures, plus the figure and the row key of the cell; paged (at most 500).")
            .StatisticsProblems();
        stats.MapGet("/service-index", (HttpContext http, ServiceIndexQuery q, Guid unitId, DateOnly from, DateOnly to) =>
                AdminActor.RunAsync(http, a => q.HandleAsync(a, new GetServiceIndex(unitId, from, to), http.RequestAborted)))
            .WithName("ServiceIndex").WithSummary("Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)")
            .WithDescription("The six criteria with their weights, targets, rates, inputs and data marks.").StatisticsProblems();
        stats.MapGet("/ratings", (HttpContext http, RatingResultsQuery q, Guid unitId, DateOnly from, DateOnly to) =>
                AdminActor.RunAsync(http, a => q.HandleAsync(a, new GetRatingResults(unitId, from, to), http.RequestAborted)))
            .WithName("RatingResults").WithSummary("Kết quả đánh giá của người dân (9 tiêu chí) và xếp loại")
            .WithDescription("Ratings of the dossiers settled by the unit's subtree, rated in the period: averages per indicator, count per grade band, the unit's grade.")
            .StatisticsProblems();
    }
}
