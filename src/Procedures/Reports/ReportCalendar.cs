namespace Procedures.Reports;

/// <summary>The periodic ISO reports sent up the hierarchy: every six months and every year.</summary>
public enum ReportKind { HalfYear, Year }

/// <summary>A day of a year, for deadlines such as 15 June.</summary>
public sealed record MonthDay(int Month, int Day)
{
    public DateOnly In(int year) => new(year, Month, Day);
}

/// <summary>
/// When the periods run and when reports are due. Defaults follow the reporting regime of Decree 09/2019/NĐ-CP (data
/// from 15 December of the year before to 14 June, or to 14 December) and the deadlines of the provinces' ISO plans
/// (15 June, 15 December); a province sets others by unit type, e.g. communes due 15 November so the department can
/// consolidate by 15 December ⚠.
/// </summary>
public sealed record ReportCalendarSettings
{
    /// <summary>Periods start on this day of December of the previous year and end the day before it in June or December.</summary>
    public int CutOffDay { get; init; } = 15;
    public MonthDay HalfYearDue { get; init; } = new(6, 15);
    public MonthDay YearDue { get; init; } = new(12, 15);
    public IReadOnlyDictionary<string, MonthDay> HalfYearDueByUnitType { get; init; } = new Dictionary<string, MonthDay>();
    public IReadOnlyDictionary<string, MonthDay> YearDueByUnitType { get; init; } = new Dictionary<string, MonthDay>();

    public ReportPeriod Period(ReportKind kind, int year, string unitType)
    {
        var from = new DateOnly(year - 1, 12, CutOffDay);
        var to = new DateOnly(year, kind == ReportKind.HalfYear ? 6 : 12, CutOffDay).AddDays(-1);
        var byType = kind == ReportKind.HalfYear ? HalfYearDueByUnitType : YearDueByUnitType;
        var due = byType.TryGetValue(unitType, out var own) ? own : kind == ReportKind.HalfYear ? HalfYearDue : YearDue;
        return new ReportPeriod(kind, year, from, to, due.In(year));
    }

    /// <summary>
    /// The report being written on <paramref name="today"/>: the first period, in order, not yet past its due day — the
    /// half-year until its deadline, then the year, then next year's half-year — so a page never opens on a closed period.
    /// </summary>
    public ReportPeriod Current(DateOnly today, string unitType = "") =>
        new[] { Period(ReportKind.HalfYear, today.Year, unitType), Period(ReportKind.Year, today.Year, unitType) }
            .FirstOrDefault(p => p.DueOn >= today) ?? Period(ReportKind.HalfYear, today.Year + 1, unitType);
}

/// <summary>The days a report covers (inclusive) and the last day it may be submitted on.</summary>
public sealed record ReportPeriod(ReportKind Kind, int Year, DateOnly From, DateOnly To, DateOnly DueOn)
{
    public string NameVi => Kind == ReportKind.HalfYear ? $"6 tháng đầu năm {Year}" : $"năm {Year}";

    /// <summary>Submitted on or before the due day, Vietnam time.</summary>
    public bool OnTime(DateTimeOffset submittedAt) => submittedAt < Statistics.Slices.Start(DueOn.AddDays(1));
}
