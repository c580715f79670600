using Procedures.Statistics;

namespace Api.Ui.Stats;

/// <summary>The counted figures of a statistics row as the dashboard shows them, each one a drill-down.</summary>
public static class FigureCells
{
    /// <summary>The columns of the dashboard table, in order.</summary>
    public static readonly StatisticsFigure[] Columns =
    [
        StatisticsFigure.CarriedOver, StatisticsFigure.Received, StatisticsFigure.ReceivedCounter, StatisticsFigure.ReceivedOnline,
        StatisticsFigure.FinishedEarly, StatisticsFigure.FinishedOnTime, StatisticsFigure.FinishedLate,
        StatisticsFigure.InProgressWithinTime, StatisticsFigure.InProgressOverdue, StatisticsFigure.AwaitingSupplement,
        StatisticsFigure.SupplementRequests, StatisticsFigure.Refused, StatisticsFigure.NotAccepted, StatisticsFigure.Withdrawn,
        StatisticsFigure.DelayAttributed,
    ];

    public static string Days(decimal? days) => days is { } d ? d.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : "—";

    public static string Rate(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + " %" : "—";
}
