using Procedures.Statistics;

namespace Procedures.Tests.Statistics;

/// <summary>
/// A run of whole half-months is read from year, month and half-month rows, some of them taken off again: whatever the
/// runs, every half-month of the period must count exactly once and none outside it.
/// </summary>
public sealed class SummaryCoverTests
{
    [Test]
    public void Should_count_every_half_month_of_any_period_exactly_once()
    {
        var boundaries = new List<DateOnly>();
        for (var b = new DateOnly(2023, 12, 15); b <= new DateOnly(2027, 2, 1); b = Slices.Next(b)) boundaries.Add(b);
        foreach (var from in boundaries)
            foreach (var to in boundaries.Where(t => t > from))
                foreach (var years in new[] { true, false })
                {
                    var net = new Dictionary<DateOnly, int>();
                    foreach (var (table, _, runFrom, runTo, sign) in SummaryQueries.Cover(from, to, years))
                    {
                        if (!years) table.ShouldNotBe("stat_flows_yearly");
                        for (var slice = runFrom; slice < runTo; slice = Slices.Next(slice)) net[slice] = net.GetValueOrDefault(slice) + sign;
                        if (table == "stat_flows_yearly") (runFrom.Month, runFrom.Day, runTo.Month, runTo.Day).ShouldBe((1, 1, 1, 1));
                        if (table == "stat_flows_monthly") (runFrom.Day, runTo.Day).ShouldBe((1, 1));
                    }
                    foreach (var (slice, count) in net)
                        count.ShouldBe(slice >= from && slice < to ? 1 : 0, $"{from}–{to} ({(years ? "years" : "months")}): half-month {slice}");
                    for (var slice = from; slice < to; slice = Slices.Next(slice)) net.ShouldContainKey(slice);
                }
    }

    [Test]
    public void Should_read_a_year_less_its_first_half_month_rather_than_its_months()
    {
        var cover = SummaryQueries.Cover(new DateOnly(2025, 1, 15), new DateOnly(2026, 1, 1));
        cover.ShouldBe([
            ("stat_flows_yearly", "year", new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), 1),
            ("stat_flows", "slice", new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 15), -1)]);
        SummaryQueries.Cover(new DateOnly(2025, 3, 15), new DateOnly(2025, 9, 15)).ShouldAllBe(r => r.Sign == 1);
    }
}
