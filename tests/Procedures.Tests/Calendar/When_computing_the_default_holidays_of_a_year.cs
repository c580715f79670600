using Procedures.Calendar;

namespace Procedures.Tests.Calendar;

public sealed class When_computing_the_default_holidays_of_a_year
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static DateOnly[] Dates(int year, HolidayKind kind) =>
        [.. HolidayRules.For(year).Where(h => h.Kind == kind).Select(h => h.Date)];

    [Test]
    public void Should_give_tet_2026_as_new_years_eve_and_the_first_four_days()
    {
        var tet = HolidayRules.For(2026).Where(h => h.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal));
        tet.Select(h => h.Date).ShouldBe([D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20)]);
        Dates(2026, HolidayKind.Compensatory).ShouldNotContain(d => d.Month == 2);
    }

    [Test]
    public void Should_compensate_the_tet_day_that_falls_on_a_saturday_in_2025()
    {
        HolidayRules.For(2025).Where(h => h.Date > D(2025, 1, 1) && h.Date.Month <= 2).Select(h => (h.Date, h.Kind)).ShouldBe(
        [
            (D(2025, 1, 28), HolidayKind.Statutory), (D(2025, 1, 29), HolidayKind.Statutory),
            (D(2025, 1, 30), HolidayKind.Statutory), (D(2025, 1, 31), HolidayKind.Statutory),
            (D(2025, 2, 1), HolidayKind.Statutory), (D(2025, 2, 3), HolidayKind.Compensatory),
        ]);
        HolidayRules.For(2025).Single(h => h.Date == D(2025, 2, 3)).Name.ShouldBe("Nghỉ bù Tết Nguyên đán (mùng 4)");
    }

    [Test]
    public void Should_compensate_30_april_and_hung_kings_day_on_a_weekend_after_1_may()
    {
        // 2023: Hùng Kings' day Sat 29 Apr, 30 Apr Sun, 1 May Mon.
        Dates(2023, HolidayKind.Compensatory).Where(d => d.Month is 4 or 5).ShouldBe([D(2023, 5, 2), D(2023, 5, 3)]);
    }

    [Test]
    public void Should_take_1_september_as_the_adjacent_day_and_compensate_a_saturday_2_september()
    {
        HolidayRules.For(2023).Where(h => h.Date.Month == 9).Select(h => (h.Date, h.Kind)).ShouldBe(
            [(D(2023, 9, 1), HolidayKind.Statutory), (D(2023, 9, 2), HolidayKind.Statutory), (D(2023, 9, 4), HolidayKind.Compensatory)]);
    }

    [Test]
    public void Should_take_3_september_as_the_adjacent_day_when_2_september_is_a_monday()
    {
        HolidayRules.For(2024).Where(h => h.Date.Month == 9).Select(h => h.Date).ShouldBe([D(2024, 9, 2), D(2024, 9, 3)]);
    }

    [Test]
    public void Should_compensate_both_days_when_the_national_day_pair_is_a_weekend()
    {
        // 2029: 1 Sep Sat, 2 Sep Sun.
        Dates(2029, HolidayKind.Compensatory).Where(d => d.Month == 9).ShouldBe([D(2029, 9, 3), D(2029, 9, 4)]);
    }

    [Test]
    public void Should_add_culture_day_from_its_start_year()
    {
        HolidayRules.For(2025).ShouldNotContain(h => h.Date == D(2025, 11, 24));
        HolidayRules.For(2026).ShouldContain(h => h.Date == D(2026, 11, 24) && h.Name == "Ngày Văn hóa Việt Nam");
        HolidayRules.For(2025, cultureDayFromYear: 2025).ShouldContain(h => h.Date == D(2025, 11, 24));
    }

    [Test]
    public void Should_name_every_holiday_in_vietnamese()
    {
        HolidayRules.Statutory(2026).Select(h => h.Name).Distinct().ShouldBe(
        [
            "Tết Dương lịch", "Tết Nguyên đán (giao thừa)", "Tết Nguyên đán (mùng 1)", "Tết Nguyên đán (mùng 2)",
            "Tết Nguyên đán (mùng 3)", "Tết Nguyên đán (mùng 4)", "Giỗ Tổ Hùng Vương",
            "Ngày Giải phóng miền Nam, thống nhất đất nước", "Ngày Quốc tế Lao động", "Quốc khánh (ngày liền kề)",
            "Quốc khánh", "Ngày Văn hóa Việt Nam",
        ]);
    }
}
