using Procedures.Dossiers;

namespace Procedures.Statistics;

/// <summary>How a dossier ended, as the statistics count it (refusal at the counter and during processing apart).</summary>
public enum FactOutcome { Approved, Refused, NotAccepted, Withdrawn }

/// <summary>
/// One received dossier as the statistics see it, computed once by the refresher with the working calendar
/// (processing days, early/on time/late), so that no request repeats that work.
/// </summary>
public sealed class DossierFact
{
    public Guid DossierId { get; set; }
    public string? Code { get; set; }
    /// <summary>Figures belong to the unit that settles the dossier.</summary>
    public Guid ProcessingUnitId { get; set; }
    public Guid ProcedureId { get; set; }
    /// <summary>The handling official: the specialist last assigned, else the clerk who received it; "" when unknown.</summary>
    public string Official { get; set; } = "";
    public Catalogue.Channel Channel { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateOnly ReceivedSlice { get; set; }
    public DateTimeOffset? ClockStartedAt { get; set; }
    /// <summary>The appointment the dossier is judged by: the first one promised in its last clock run (an apology does not move it).</summary>
    public DateTimeOffset? AppointmentAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public DateOnly? FinishedSlice { get; set; }
    public FactOutcome? Outcome { get; set; }
    public Timeliness? Timeliness { get; set; }
    /// <summary>Working days from the clock start to the result, to the hundredth (approved dossiers only).</summary>
    public decimal? ProcessingDays { get; set; }
    public short? DurationBucket { get; set; }
    public DateTimeOffset? SupplementRequestedAt { get; set; }
    public DateOnly? SupplementSlice { get; set; }
    /// <summary>For a late result: the unit named by the apology, else the processing unit.</summary>
    public Guid? DelayUnitId { get; set; }
    public bool HasFee { get; set; }
    /// <summary>Every document handed in has a scanned file.</summary>
    public bool Digitised { get; set; }
}

/// <summary>What happened in one half-month slice for one unit, procedure and official: additive, so any run of slices sums.</summary>
public sealed class FlowSummary
{
    public Guid UnitId { get; set; }
    public Guid ProcedureId { get; set; }
    public string Official { get; set; } = "";
    public DateOnly Slice { get; set; }
    public int ReceivedCounter { get; set; }
    public int ReceivedOnline { get; set; }
    public int ReceivedPost { get; set; }
    public int ReceivedWithFee { get; set; }
    public int ReceivedWithFeeOnline { get; set; }
    public int ReceivedDigitised { get; set; }
    public int FinishedEarly { get; set; }
    public int FinishedOnTime { get; set; }
    public int FinishedLate { get; set; }
    public int Refused { get; set; }
    public int NotAccepted { get; set; }
    public int Withdrawn { get; set; }
    public int SupplementRequests { get; set; }
    public decimal ProcessingDaysSum { get; set; }
    /// <summary>Approved dossiers per <see cref="DurationBuckets"/> bucket.</summary>
    public int[] Durations { get; set; } = [];
}

/// <summary>Dossiers still open at the start of a slice (a boundary), by their state at that instant.</summary>
public sealed class OpenSnapshot
{
    public Guid UnitId { get; set; }
    public Guid ProcedureId { get; set; }
    public string Official { get; set; } = "";
    public DateOnly Boundary { get; set; }
    public int WithinTime { get; set; }
    public int Overdue { get; set; }
    public int AwaitingSupplement { get; set; }
}

/// <summary>Late results per slice, counted against the unit that caused the delay.</summary>
public sealed class DelaySummary
{
    public Guid DelayUnitId { get; set; }
    public Guid ProcedureId { get; set; }
    public string Official { get; set; } = "";
    public DateOnly Slice { get; set; }
    public int Late { get; set; }
}

/// <summary>Where the refresher stopped: the last dossier event read and the last boundary snapshotted.</summary>
public sealed class StatisticsRefreshState
{
    public int Id { get; set; } = 1;
    public long EventWatermark { get; set; }
    public DateOnly SnapshotsThrough { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }
    public DateTimeOffset RebuiltAt { get; set; }
}
