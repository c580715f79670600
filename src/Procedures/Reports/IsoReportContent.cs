using Procedures.Statistics;

namespace Procedures.Reports;

/// <summary>Figures with the sums behind the average and the percentile, so reports add up exactly when consolidated.</summary>
public sealed record ReportFigures(StatisticsFigures Figures, decimal ProcessingDaysSum, IReadOnlyList<long> Durations)
{
    internal static ReportFigures Of(FigureSums s) => new(s.ToFigures(), s.ProcessingDaysSum, [.. s.Durations]);

    internal FigureSums ToSums()
    {
        var f = Figures;
        var s = new FigureSums
        {
            CarriedOver = f.CarriedOver, ReceivedCounter = f.ReceivedCounter, ReceivedOnline = f.ReceivedOnline, ReceivedPost = f.ReceivedPost,
            ReceivedWithFee = f.ReceivedWithFee, ReceivedWithFeeOnline = f.ReceivedWithFeeOnline, ReceivedDigitised = f.ReceivedDigitised,
            FinishedEarly = f.FinishedEarly, FinishedOnTime = f.FinishedOnTime, FinishedLate = f.FinishedLate, Refused = f.Refused,
            NotAccepted = f.NotAccepted, Withdrawn = f.Withdrawn, SupplementRequests = f.SupplementRequests, OpenWithinTime = f.InProgressWithinTime,
            OpenOverdue = f.InProgressOverdue, OpenAwaitingSupplement = f.AwaitingSupplement, DelayAttributed = f.DelayAttributed,
            ProcessingDaysSum = ProcessingDaysSum,
        };
        for (var i = 0; i < Durations.Count && i < s.Durations.Length; i++) s.Durations[i] = Durations[i];
        return s;
    }

    public static ReportFigures Sum(IEnumerable<ReportFigures> parts) => Of(parts.Select(p => p.ToSums()).Total());
}

/// <summary>The ISO records of the period, counted over the unit's subtree; additive, like the figures.</summary>
public sealed record QualitySummary(int AuditsDone, int NonconformitiesRaised, int NonconformitiesClosed, int NonconformitiesOpenAtEnd,
    int ManagementReviews, int DocumentsIssued)
{
    public static QualitySummary Sum(IEnumerable<QualitySummary> parts)
    {
        var all = parts.ToList();
        return new(all.Sum(p => p.AuditsDone), all.Sum(p => p.NonconformitiesRaised), all.Sum(p => p.NonconformitiesClosed),
            all.Sum(p => p.NonconformitiesOpenAtEnd), all.Sum(p => p.ManagementReviews), all.Sum(p => p.DocumentsIssued));
    }
}

/// <summary>One unit's report for one period: what is sent up (and snapshotted on submission).</summary>
public sealed record IsoReportContent(Guid UnitId, string UnitCode, string UnitName, ReportPeriod Period, ReportFigures Figures,
    QualitySummary Quality, string? Assessment, string? Difficulties, string? Proposals, DateTimeOffset AsOf);

public enum SubmissionState
{
    NotStarted,
    Draft,
    Submitted,
    SubmittedLate,
    /// <summary>Past the due day and not submitted (nothing, or only a draft).</summary>
    Late,
}

public sealed record SubmissionStatus(Guid UnitId, string UnitCode, string UnitName, ReportPeriod Period, SubmissionState State,
    DateTimeOffset? SubmittedAt, string? SubmittedBy);

/// <param name="Direct">The consolidating unit's own dossiers and records, apart from its children's reports.</param>
public sealed record ConsolidatedRow(Guid UnitId, string UnitCode, string UnitName, bool Direct, SubmissionState State, ReportFigures Figures, QualitySummary Quality);

/// <summary>The report of a unit consolidated from its children's reports (submitted ones as submitted) and its own records.</summary>
public sealed record ConsolidatedReport(Guid UnitId, string UnitCode, string UnitName, ReportPeriod Period, IReadOnlyList<ConsolidatedRow> Rows,
    ReportFigures Total, QualitySummary QualityTotal, DateTimeOffset AsOf);
