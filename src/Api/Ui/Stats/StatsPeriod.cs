namespace Api.Ui.Stats;

/// <summary>The periods a leader picks on the dashboard; a custom range is taken as given.</summary>
public enum PeriodKind { Month, Quarter, HalfYear, Year, Custom }

public static class StatsPeriod
{
    /// <summary>The calendar month, quarter, half-year or year that holds <paramref name="anchor"/>.</summary>
    public static (DateOnly From, DateOnly To) Of(PeriodKind kind, DateOnly anchor)
    {
        var (startMonth, months) = kind switch
        {
            PeriodKind.Month => (anchor.Month, 1),
            PeriodKind.Quarter => ((anchor.Month - 1) / 3 * 3 + 1, 3),
            PeriodKind.HalfYear => (anchor.Month <= 6 ? 1 : 7, 6),
            PeriodKind.Year => (1, 12),
            _ => (0, 0),
        };
        if (months == 0) return (anchor, anchor);
        var from = new DateOnly(anchor.Year, startMonth, 1);
        return (from, from.AddMonths(months).AddDays(-1));
    }

    public static string Query(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    public static DateTime? ToPicker(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    public static DateOnly FromPicker(DateTime? value, DateOnly fallback) => value is { } v ? DateOnly.FromDateTime(v) : fallback;
}
