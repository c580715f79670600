namespace Procedures.Calendar;

public enum LegalTimeLimitKind
{
    /// <summary>Returned by the end of office hours of the reception day.</summary>
    SameDay,
    /// <summary>Returned by the end of the Nth working day after the reception day.</summary>
    WorkingDays,
    /// <summary>Returned after N office hours counted from the moment the dossier counts as received.</summary>
    WorkingHours,
}

/// <summary>The legal time limit of a procedure (thời hạn giải quyết), from which the appointment is computed.</summary>
public sealed record LegalTimeLimit(LegalTimeLimitKind Kind, decimal Amount)
{
    public static LegalTimeLimit SameDay { get; } = new(LegalTimeLimitKind.SameDay, 0);
    public static LegalTimeLimit WorkingDays(decimal days) => new(LegalTimeLimitKind.WorkingDays, days);
    public static LegalTimeLimit WorkingHours(decimal hours) => new(LegalTimeLimitKind.WorkingHours, hours);
}
