namespace Procedures.Statistics;

/// <summary>
/// The figures of one cell for a period [From, To) judged at AsOf = min(To, now). Every dossier handled in the
/// period is counted once on each side: <c>CarriedOver + Received = Finished + Refused + NotAccepted + Withdrawn +
/// InProgress</c>. Definitions in docs/statistics.md.
/// </summary>
/// <param name="CarriedOver">Received before the period and still open at its start.</param>
/// <param name="ReceivedCounter">Received in the period at the counter (dossier code issued).</param>
/// <param name="FinishedEarly">Result ready in the period at least one working day before the appointment.</param>
/// <param name="FinishedLate">Result ready in the period after the appointment first promised (an apology does not make it on time).</param>
/// <param name="Refused">Processing stopped with a refusal in the period (portal status 8).</param>
/// <param name="NotAccepted">Refused at reception in the period (portal status 3).</param>
/// <param name="InProgressWithinTime">Open at AsOf, clock running, appointment not passed.</param>
/// <param name="InProgressOverdue">Open at AsOf, clock running, appointment passed.</param>
/// <param name="AwaitingSupplement">Open at AsOf, waiting for the citizen's supplement (the clock restarts on it).</param>
/// <param name="SupplementRequests">Dossiers whose latest supplement request fell in the period.</param>
/// <param name="AverageDays">Mean working days from clock start to result, over approved results in the period.</param>
/// <param name="P90Days">Smallest duration bucket bound within which 90% of those results came.</param>
/// <param name="DelayAttributed">Late results in the period counted against the unit that caused the delay.</param>
public sealed record StatisticsFigures(
    int CarriedOver, int ReceivedCounter, int ReceivedOnline, int ReceivedPost,
    int FinishedEarly, int FinishedOnTime, int FinishedLate, int Refused, int NotAccepted, int Withdrawn,
    int InProgressWithinTime, int InProgressOverdue, int AwaitingSupplement, int SupplementRequests,
    decimal? AverageDays, decimal? P90Days, int DelayAttributed,
    int ReceivedWithFee, int ReceivedWithFeeOnline, int ReceivedDigitised)
{
    public int Received => ReceivedCounter + ReceivedOnline + ReceivedPost;
    /// <summary>Dossiers handled in the period: carried over plus received.</summary>
    public int Total => CarriedOver + Received;
    /// <summary>Approved results in the period (early, on time, late).</summary>
    public int Finished => FinishedEarly + FinishedOnTime + FinishedLate;
    public int InProgress => InProgressWithinTime + InProgressOverdue + AwaitingSupplement;
    /// <summary>Dossiers whose timeliness is judged: approved results plus those in progress with the clock running.</summary>
    public int Judged => Finished + InProgressWithinTime + InProgressOverdue;
    /// <summary>(early + on time + in progress within time) / judged; null when nothing is judged.</summary>
    public decimal? OnTimeRate => Judged == 0 ? null
        : Math.Round((decimal)(FinishedEarly + FinishedOnTime + InProgressWithinTime) / Judged, 4, MidpointRounding.AwayFromZero);

    /// <summary>The count of one figure: the number of dossiers its drill-down lists.</summary>
    public int Count(StatisticsFigure figure) => figure switch
    {
        StatisticsFigure.CarriedOver => CarriedOver,
        StatisticsFigure.Received => Received,
        StatisticsFigure.ReceivedCounter => ReceivedCounter,
        StatisticsFigure.ReceivedOnline => ReceivedOnline,
        StatisticsFigure.ReceivedPost => ReceivedPost,
        StatisticsFigure.Finished => Finished,
        StatisticsFigure.FinishedEarly => FinishedEarly,
        StatisticsFigure.FinishedOnTime => FinishedOnTime,
        StatisticsFigure.FinishedLate => FinishedLate,
        StatisticsFigure.Refused => Refused,
        StatisticsFigure.NotAccepted => NotAccepted,
        StatisticsFigure.Withdrawn => Withdrawn,
        StatisticsFigure.InProgressWithinTime => InProgressWithinTime,
        StatisticsFigure.InProgressOverdue => InProgressOverdue,
        StatisticsFigure.AwaitingSupplement => AwaitingSupplement,
        StatisticsFigure.SupplementRequests => SupplementRequests,
        _ => DelayAttributed,
    };
}
