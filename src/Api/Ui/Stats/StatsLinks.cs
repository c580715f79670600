using Procedures.Reports;
using Procedures.Statistics;

namespace Api.Ui.Stats;

/// <summary>The addresses the statistics pages link to: a figure's dossier list, the dashboard, and the API's file downloads.</summary>
public static class StatsLinks
{
    public static string Dashboard(Guid unit, DateOnly from, DateOnly to, StatisticsGrouping by) =>
        $"/can-bo/thong-ke?unit={unit}&from={StatsPeriod.Query(from)}&to={StatsPeriod.Query(to)}&by={by}";

    public static string Dossiers(Guid unit, DateOnly from, DateOnly to, StatisticsGrouping by, string? rowKey, StatisticsFigure figure) =>
        $"/can-bo/thong-ke/ho-so?unit={unit}&from={StatsPeriod.Query(from)}&to={StatsPeriod.Query(to)}&by={by}&figure={figure}"
        + (rowKey is null ? "" : $"&row={Uri.EscapeDataString(rowKey)}");

    public static string ConsolidatedFile(Guid unit, ReportKind kind, int year, string extension) =>
        $"/api/v1/reports/iso/{unit}/{kind}/{year}/consolidated.{extension}";

    public static string RegisterFile(Guid unit, DateOnly from, DateOnly to, string extension) =>
        $"/api/v1/reports/register.{extension}?unitId={unit}&from={StatsPeriod.Query(from)}&to={StatsPeriod.Query(to)}";

    /// <summary>An Excel export of the quality records, with the list's filters.</summary>
    public static string QualityFile(string list, Guid unit, params (string Name, object? Value)[] filters) =>
        $"/api/v1/quality/{list}.xlsx?unitId={unit}" + string.Concat(filters.Where(f => f.Value is not null && f.Value.ToString() != "")
            .Select(f => $"&{f.Name}={Uri.EscapeDataString(Convert.ToString(f.Value, System.Globalization.CultureInfo.InvariantCulture)!)}"));
}
