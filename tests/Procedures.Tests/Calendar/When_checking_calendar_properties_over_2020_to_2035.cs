using Engine.Definitions;
using Procedures.Calendar;

namespace Procedures.Tests.Calendar;

/// <summary>
/// Seeded random checks over 2020–2035. A failure message names the seed and the case; rerun with the same seed
/// (the constant below) to reproduce it.
/// </summary>
public sealed class When_checking_calendar_properties_over_2020_to_2035
{
    private const int Seed = 20_250_101;
    private const int Cases = 2_000;
    private static readonly DateTimeOffset First = new(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly int Minutes = (int)(new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)) - First).TotalMinutes;

    private static readonly CalendarOverride[] Swaps = [.. Enumerable.Range(2020, 16).SelectMany(year =>
    {
        var march = new DateOnly(year, 3, 1);
        var saturday = march.AddDays(((int)DayOfWeek.Saturday - (int)march.DayOfWeek + 7) % 7);
        return new[]
        {
            new CalendarOverride(saturday, CalendarOverrideKind.WorkingDay, "Làm bù"),
            new CalendarOverride(saturday.AddDays(2), CalendarOverrideKind.DayOff, "Nghỉ hoán đổi"),
            new CalendarOverride(new DateOnly(year, 5, 1), CalendarOverrideKind.RemoveHoliday, "Trực"),
        };
    })];

    private readonly VietnameseCalendar _calendar = new(new CalendarSettings { Overrides = Swaps });

    private static DateTimeOffset RandomInstant(Random random) => First.AddMinutes(random.Next(Minutes));

    private static WorkingTime RandomAmount(Random random) => random.Next(2) == 0
        ? WorkingTime.Days(random.Next(0, 81) / 2m) // 0 to 40 days by halves
        : WorkingTime.Hours(random.Next(0, 20_001) / 100m); // 0 to 200 hours by hundredths

    private static void ForCases(Action<Random, string> check)
    {
        var random = new Random(Seed);
        for (var i = 0; i < Cases; i++) check(random, $"seed {Seed}, case {i}");
    }

    [Test]
    public void Should_never_end_before_the_start() => ForCases((random, label) =>
    {
        var (start, amount) = (RandomInstant(random), RandomAmount(random));
        _calendar.Add(start, amount).ShouldBeGreaterThanOrEqualTo(start, $"{label}: {start:O} + {amount}");
    });

    [Test]
    public void Should_grow_with_the_amount() => ForCases((random, label) =>
    {
        var (start, a, b) = (RandomInstant(random), RandomAmount(random), RandomAmount(random));
        if (a > b) (a, b) = (b, a);
        var (smaller, larger) = a.Unit == b.Unit ? (a, b) : (WorkingTime.Hours(a.TotalHours), WorkingTime.Hours(b.TotalHours));
        _calendar.Add(start, smaller).ShouldBeLessThanOrEqualTo(_calendar.Add(start, larger), $"{label}: {start:O} + {smaller} vs {larger}");
    });

    [Test]
    public void Should_measure_back_exactly_the_hours_added() => ForCases((random, label) =>
    {
        var (start, hours) = (RandomInstant(random), random.Next(1, 20_001) / 100m);
        _calendar.WorkingHoursBetween(start, _calendar.Add(start, WorkingTime.Hours(hours)))
            .ShouldBe(hours, $"{label}: {start:O} + {hours}h");
    });

    [Test]
    public void Should_measure_a_day_as_the_office_day() => ForCases((random, label) =>
    {
        var (start, days) = (RandomInstant(random), random.Next(1, 41));
        _calendar.WorkingHoursBetween(start, _calendar.Add(start, WorkingTime.Days(days)))
            .ShouldBe(days * 7.5m, $"{label}: {start:O} + {days}d");
    });

    [Test]
    public void Should_land_in_office_hours_of_a_working_day() => ForCases((random, label) =>
    {
        var (start, amount) = (RandomInstant(random), RandomAmount(random));
        if (amount.Amount == 0) return;
        var result = _calendar.Add(start, amount);
        var day = DateOnly.FromDateTime(result.DateTime);
        var why = $"{label}: {start:O} + {amount} = {result:O}";
        _calendar.IsWorkingDay(day).ShouldBeTrue(why);
        (_calendar.IsWorkingTime(result) || _calendar.IsWorkingTime(result.AddTicks(-1))).ShouldBeTrue(why);
    });

    [Test]
    public void Should_never_land_on_a_holiday_or_a_weekend_unless_made_a_working_day() => ForCases((random, label) =>
    {
        var (start, amount) = (RandomInstant(random), RandomAmount(random));
        if (amount.Amount == 0) return;
        var day = DateOnly.FromDateTime(_calendar.Add(start, amount).DateTime);
        var why = $"{label}: {start:O} + {amount} = {day}";
        _calendar.Holidays(day.Year).ShouldNotContain(h => h.Date == day, why);
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            Swaps.ShouldContain(o => o.Date == day && o.Kind == CalendarOverrideKind.WorkingDay, why);
    });

    [Test]
    public void Should_agree_with_a_day_by_day_count_of_office_hours() => ForCases((random, label) =>
    {
        var from = RandomInstant(random);
        var to = from.AddMinutes(random.Next(0, 60 * 24 * 45));
        var expectedMinutes = 0L;
        for (var day = DateOnly.FromDateTime(from.DateTime); day <= DateOnly.FromDateTime(to.DateTime); day = day.AddDays(1))
        {
            if (!_calendar.IsWorkingDay(day)) continue;
            foreach (var period in OfficeHours.Default.Periods)
            {
                var open = new DateTimeOffset(day.ToDateTime(period.From), from.Offset);
                var close = new DateTimeOffset(day.ToDateTime(period.To), from.Offset);
                var overlap = (close < to ? close : to) - (open > from ? open : from);
                if (overlap > TimeSpan.Zero) expectedMinutes += (long)overlap.TotalMinutes;
            }
        }
        decimal.Round(_calendar.WorkingHoursBetween(from, to) * 60, 10).ShouldBe(expectedMinutes, $"{label}: {from:O} → {to:O}");
    });

    [Test]
    public void Should_never_be_working_time_on_a_holiday()
    {
        var calendar = new VietnameseCalendar();
        for (var year = 2020; year <= 2035; year++)
            foreach (var holiday in calendar.Holidays(year))
                for (var minute = 0; minute < 24 * 60; minute += 15)
                {
                    var instant = new DateTimeOffset(holiday.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).AddMinutes(minute);
                    calendar.IsWorkingTime(instant).ShouldBeFalse($"{holiday} at {instant:t}");
                }
    }

    [Test]
    public void Should_have_the_statutory_number_of_distinct_holidays_each_year()
    {
        for (var year = 2020; year <= 2035; year++)
        {
            var statutory = HolidayRules.Statutory(year);
            statutory.Count.ShouldBe(year >= 2026 ? 12 : 11, $"{year}");
            statutory.Select(h => h.Date).Distinct().Count().ShouldBe(statutory.Count, $"{year}: two holidays on one date");
            statutory.ShouldAllBe(h => h.Date.Year == year, $"{year}");
            HolidayRules.For(year).Count(h => h.Kind == HolidayKind.Compensatory)
                .ShouldBe(statutory.Count(h => h.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday), $"{year}");
        }
    }
}
