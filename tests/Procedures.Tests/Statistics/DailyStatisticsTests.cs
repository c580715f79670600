using Microsoft.Extensions.DependencyInjection;
using Procedures.Statistics;

namespace Procedures.Tests.Statistics;

/// <summary>
/// The per-day rows: every grouping over an odd period in the past, with or without a procedure or official filter, reads
/// its edges and the open dossiers between boundaries from them alone, and a database whose statistics were built before
/// they existed (or before they had the procedure and official levels) gets them on the next refresh.
/// </summary>
public sealed class DailyStatisticsTests : StatisticsTest
{
    [Test]
    public async Task Should_answer_an_odd_period_by_any_grouping_and_filter_without_the_fact_rows()
    {
        var before = await ReportsAsync();
        before.ShouldContain(r => r.Total.Received > 0);

        await ExecuteAsync("DELETE FROM procedures.stat_dossier_facts");

        (await ReportsAsync()).ShouldBe(before);
    }

    [Test]
    public async Task Should_fill_the_days_of_statistics_built_before_them_on_the_next_refresh()
    {
        var expected = await ReportsAsync(forceFacts: true);
        await ExecuteAsync("""
            TRUNCATE procedures.stat_flows_daily, procedures.stat_open_changes, procedures.stat_delays_daily;
            UPDATE procedures.stat_refresh_state SET daily_ready = false;
            """);
        (await ReportsAsync()).ShouldBe(expected, "until the refresh, the edges come from the fact rows");

        await using (var scope = NewScope())
            (await scope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RefreshStatisticsAsync()).Rebuilt.ShouldBeFalse();

        (await Scalar<bool>("SELECT daily_ready FROM procedures.stat_refresh_state")).ShouldBeTrue();
        (await Scalar<long>("SELECT count(*) FROM procedures.stat_open_changes")).ShouldBeGreaterThan(0);
        (await ReportsAsync()).ShouldBe(expected);
    }
}
