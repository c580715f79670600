using Procedures.Calendar;

namespace Procedures.Tests.Calendar;

public sealed class When_converting_between_gregorian_and_lunar_dates
{
    [TestCase(2025, "2025-01-29")]
    [TestCase(2026, "2026-02-17")]
    [TestCase(2027, "2027-02-06")]
    [TestCase(2028, "2028-01-26")]
    [TestCase(2029, "2029-02-13")]
    [TestCase(2030, "2030-02-02")]
    // UTC+7 and UTC+8 disagree: China kept 1985-02-20 and 2007-02-18.
    [TestCase(1985, "1985-01-21")]
    [TestCase(2007, "2007-02-17")]
    public void Should_find_tet_on_the_vietnamese_date(int lunarYear, string expected) =>
        LunarCalendar.NewYear(lunarYear).ShouldBe(DateOnly.Parse(expected));

    [TestCase(2025, "2025-04-07")]
    [TestCase(2026, "2026-04-26")]
    [TestCase(2027, "2027-04-16")]
    [TestCase(2023, "2023-04-29")] // a year with a leap 2nd month
    public void Should_find_hung_kings_day_on_lunar_10_3(int lunarYear, string expected) =>
        LunarCalendar.ToGregorian(new LunarDate(lunarYear, 3, 10)).ShouldBe(DateOnly.Parse(expected));

    [Test]
    public void Should_give_the_last_day_of_the_lunar_year_as_new_years_eve()
    {
        LunarCalendar.LunarNewYearsEve(2024).ShouldBe(new DateOnly(2025, 1, 28));
        LunarCalendar.LunarNewYearsEve(2025).ShouldBe(new DateOnly(2026, 2, 16));
        LunarCalendar.FromGregorian(LunarCalendar.LunarNewYearsEve(2025)).ShouldSatisfyAllConditions(
            eve => eve.Month.ShouldBe(12),
            eve => eve.Day.ShouldBeOneOf(29, 30),
            eve => eve.Year.ShouldBe(2025));
    }

    [Test]
    public void Should_recognise_the_leap_month()
    {
        LunarCalendar.FromGregorian(new DateOnly(2023, 3, 22)).ShouldBe(new LunarDate(2023, 2, 1, IsLeapMonth: true));
        LunarCalendar.ToGregorian(new LunarDate(2023, 2, 1, IsLeapMonth: true)).ShouldBe(new DateOnly(2023, 3, 22));
    }

    [Test]
    public void Should_refuse_a_leap_month_the_year_does_not_have()
    {
        LunarCalendar.TryToGregorian(new LunarDate(2026, 2, 1, IsLeapMonth: true), out _).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => LunarCalendar.ToGregorian(new LunarDate(2026, 13, 1)));
    }

    [Test]
    public void Should_round_trip_every_day_from_2020_to_2035()
    {
        var previous = LunarCalendar.FromGregorian(new DateOnly(2019, 12, 31));
        for (var day = new DateOnly(2020, 1, 1); day.Year <= 2035; day = day.AddDays(1))
        {
            var lunar = LunarCalendar.FromGregorian(day);
            LunarCalendar.ToGregorian(lunar).ShouldBe(day, $"{day} → {lunar}");
            (lunar.Day == previous.Day + 1 || (lunar.Day == 1 && previous.Day is 29 or 30))
                .ShouldBeTrue($"{day}: {previous} then {lunar}");
            previous = lunar;
        }
    }

    [Test]
    public void Should_always_put_tet_between_21_january_and_20_february()
    {
        for (var year = 2020; year <= 2035; year++)
            LunarCalendar.NewYear(year).ShouldBeInRange(new DateOnly(year, 1, 21), new DateOnly(year, 2, 20), $"Tết {year}");
    }
}
