namespace Procedures.Forms.Tests;

public sealed class VietnameseFormatTests
{
    static readonly DateTimeOffset LateEveningUtc = new(2026, 3, 2, 20, 30, 0, TimeSpan.Zero);

    [Test]
    public void Dates_are_day_month_year_on_the_Vietnamese_calendar_day()
    {
        VietnameseFormat.Date(LateEveningUtc).ShouldBe("03/03/2026");
        VietnameseFormat.Date(new DateOnly(2026, 1, 5)).ShouldBe("05/01/2026");
    }

    [Test]
    public void Times_are_on_the_24_hour_clock_in_Vietnam_time() =>
        VietnameseFormat.Time(new DateTimeOffset(2026, 3, 3, 7, 5, 0, TimeSpan.Zero)).ShouldBe("14:05");

    [Test]
    public void Time_and_date_read_as_on_an_appointment() =>
        VietnameseFormat.TimeAndDate(LateEveningUtc).ShouldBe("03:30 ngày 03/03/2026");

    [Test]
    public void Table_cells_take_the_date_first() =>
        VietnameseFormat.DateAndTime(LateEveningUtc).ShouldBe("03/03/2026 03:30");

    [TestCase(2026, 2, 5, "ngày 05 tháng 02 năm 2026")]
    [TestCase(2026, 1, 15, "ngày 15 tháng 01 năm 2026")]
    [TestCase(2026, 3, 9, "ngày 09 tháng 3 năm 2026")]
    [TestCase(2026, 12, 31, "ngày 31 tháng 12 năm 2026")]
    public void Document_dates_pad_days_below_ten_and_only_January_and_February(int year, int month, int day, string expected) =>
        VietnameseFormat.DocumentDate(new DateTimeOffset(year, month, day, 10, 0, 0, VietnameseFormat.VietnamOffset)).ShouldBe(expected);

    [TestCase(1_234_000, "1.234.000 đồng")]
    [TestCase(8_000, "8.000 đồng")]
    [TestCase(200, "200 đồng")]
    [TestCase(0, "0 đồng")]
    [TestCase(-50_000, "-50.000 đồng")]
    public void Money_groups_thousands_with_dots(decimal amount, string expected) =>
        VietnameseFormat.Money(amount).ShouldBe(expected);

    [Test]
    public void A_fraction_of_a_dong_is_shown_after_a_comma_rather_than_lost() =>
        VietnameseFormat.Money(1_500.5m).ShouldBe("1.500,5 đồng");

    [TestCase(1, "Lần thứ nhất")]
    [TestCase(2, "Lần thứ hai")]
    [TestCase(4, "Lần thứ tư")]
    [TestCase(7, "Lần thứ bảy")]
    [TestCase(10, "Lần thứ mười")]
    [TestCase(11, "Lần thứ 11")]
    public void Rounds_use_Vietnamese_ordinal_words_up_to_ten(int n, string expected) =>
        VietnameseFormat.Round(n).ShouldBe(expected);

    [Test]
    public void There_is_no_zeroth_round() =>
        Should.Throw<ArgumentOutOfRangeException>(() => VietnameseFormat.Ordinal(0));
}
