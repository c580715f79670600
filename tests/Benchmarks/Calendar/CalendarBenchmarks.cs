using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Engine.Definitions;
using Procedures.Calendar;

namespace Benchmarks.Calendar;

/// <summary>
/// The calendar against a day-by-day baseline, over Tết 2026 so the holiday look-ups matter. Not sealed:
/// BenchmarkDotNet derives from the class.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CalendarBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 2, 12, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset MonthLater = new(2026, 3, 12, 16, 0, 0, TimeSpan.FromHours(7));

    private readonly VietnameseCalendar _calendar = new();
    private NaiveCalendar _naive = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Year tables are built on first use; build them here so the benchmark measures steady state.
        _naive = new NaiveCalendar(_calendar.Holidays(2026).Select(h => h.Date));
        _calendar.Add(Start, WorkingTime.Days(1));
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Add 5d")]
    public DateTimeOffset Naive_add_five_days() => _naive.AddDays(Start, 5);

    [Benchmark, BenchmarkCategory("Add 5d")]
    public DateTimeOffset Add_five_days() => _calendar.Add(Start, WorkingTime.Days(5));

    [Benchmark(Baseline = true), BenchmarkCategory("Add 60d")]
    public DateTimeOffset Naive_add_sixty_days() => _naive.AddDays(Start, 60);

    [Benchmark, BenchmarkCategory("Add 60d")]
    public DateTimeOffset Add_sixty_days() => _calendar.Add(Start, WorkingTime.Days(60));

    [Benchmark(Baseline = true), BenchmarkCategory("Add 4h")]
    public DateTimeOffset Naive_add_four_hours() => _naive.AddHours(Start, 4);

    [Benchmark, BenchmarkCategory("Add 4h")]
    public DateTimeOffset Add_four_hours() => _calendar.Add(Start, WorkingTime.Hours(4));

    [Benchmark(Baseline = true), BenchmarkCategory("Hours in a month")]
    public decimal Naive_working_hours_over_a_month() => _naive.WorkingHoursBetween(Start, MonthLater);

    [Benchmark, BenchmarkCategory("Hours in a month")]
    public decimal Working_hours_over_a_month() => _calendar.WorkingHoursBetween(Start, MonthLater);
}
