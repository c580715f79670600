using Engine.Definitions;
using Procedures.Calendar;

namespace Worker.Sla;

/// <summary>The thresholds a due time passes through, in order, and when each one is crossed.</summary>
public static class Thresholds
{
    public const string DueSoon = "due-soon";
    public const string DueToday = "due-today";
    public const string Overdue = "overdue";
    /// <summary>Overdue long enough to reach the unit leader.</summary>
    public const string Escalated = "escalated";
    /// <summary>The day the apology (Form 04) must be issued for a dossier not finished yet.</summary>
    public const string ApologyDue = "apology-due";
    /// <summary>Not a threshold: the subject could not be alerted for this due time and waits for an operator (<see cref="SlaParking"/>).</summary>
    public const string Parked = "parked";
    /// <summary>Not a threshold: a parked subject an operator chose not to alert for this due time (<see cref="ParkedSubjects"/>).</summary>
    public const string Dismissed = "dismissed";

    public static readonly IReadOnlyList<string> Ordered = [DueSoon, DueToday, Overdue, Escalated];

    /// <summary>
    /// The thresholds of <see cref="Ordered"/> crossed at <paramref name="now"/>, leaving out those in <paramref name="raised"/>
    /// (and <see cref="Escalated"/> unless <paramref name="escalates"/>) without computing them: a sweep asks again and again
    /// about subjects whose earlier thresholds are long recorded, and due soon is always crossed by the due time itself.
    /// </summary>
    public static IEnumerable<string> Crossed(VietnameseCalendar calendar, SlaSettings settings, DateTimeOffset createdAt, DateTimeOffset dueAt,
        string? unitId, DateTimeOffset now, IReadOnlySet<string>? raised = null, bool escalates = true)
    {
        var due = now >= dueAt;
        if (raised?.Contains(DueSoon) != true
            && ((due && settings.Lead.Amount >= 0 && settings.DueSoonFraction >= 0) || now >= DueSoonAt(calendar, settings, createdAt, dueAt, unitId)))
            yield return DueSoon;
        if (raised?.Contains(DueToday) != true && (due || VietnamDay(now) == VietnamDay(dueAt))) yield return DueToday;
        if (raised?.Contains(Overdue) != true && due) yield return Overdue;
        if (escalates && raised?.Contains(Escalated) != true && (due || settings.Escalation.Amount < 0)
            && now >= calendar.Add(dueAt, settings.Escalation, unitId)) yield return Escalated;
    }
    /// <summary>The later of "lead before due" and "fraction of the budget before due".</summary>
    public static DateTimeOffset DueSoonAt(VietnameseCalendar calendar, SlaSettings settings, DateTimeOffset createdAt, DateTimeOffset dueAt, string? unitId)
    {
        var lead = settings.Lead;
        var byLead = calendar.Add(dueAt, new WorkingTime(-lead.Amount, lead.Unit), unitId);
        if (settings.DueSoonFraction <= 0) return byLead;
        var budgetHours = calendar.WorkingHoursBetween(createdAt, dueAt, unitId);
        var byFraction = calendar.Add(dueAt, WorkingTime.Hours(-decimal.Round(budgetHours * settings.DueSoonFraction, 2)), unitId);
        return byFraction > byLead ? byFraction : byLead;
    }

    /// <summary>The latest due time that can be due soon or due today at <paramref name="now"/>: the index range the sweep reads.</summary>
    public static DateTimeOffset Horizon(VietnameseCalendar calendar, SlaSettings settings, DateTimeOffset now)
    {
        var byLead = calendar.Add(now, settings.Lead).AddMinutes(1);
        var endOfToday = new DateTimeOffset(VietnamDay(now).AddDays(1).ToDateTime(TimeOnly.MinValue), VietnameseCalendar.UtcOffset);
        return byLead > endOfToday ? byLead : endOfToday;
    }

    public static DateOnly VietnamDay(DateTimeOffset instant) => Procedures.Common.VietnamTime.DateOf(instant);
}
