using Microsoft.Extensions.DependencyInjection;
using Procedures.Statistics;

namespace Procedures.Tests.Statistics;

/// <summary>
/// A migration that changes what the summaries hold sets <c>rebuild_requested</c> in the refresh state (migration
/// <c>StatisticsRebuildRequest</c>): readers use the fact rows until the next refresh, which rebuilds everything once and
/// clears the request, keeping the state's row.
/// </summary>
public sealed class When_a_statistics_rebuild_is_requested : StatisticsTest
{
    [Test]
    public async Task Should_read_the_fact_rows_until_the_next_refresh_rebuilds_once_and_clears_the_request()
    {
        var expected = await ReportsAsync(forceFacts: true);
        expected.ShouldContain(r => r.Total.Received > 0);
        // The summaries as such a migration leaves them: no longer what the fact rows give.
        await ExecuteAsync("""
            UPDATE procedures.stat_flows SET received_counter = received_counter + 7;
            UPDATE procedures.stat_flows_monthly SET received_counter = received_counter + 7;
            UPDATE procedures.stat_flows_yearly SET received_counter = received_counter + 7;
            UPDATE procedures.stat_flows_daily SET received_counter = received_counter + 7;
            UPDATE procedures.stat_refresh_state SET rebuild_requested = true;
            """);
        (await ReportsAsync()).ShouldBe(expected, "until the rebuild, the figures come from the fact rows");

        (await RefreshAsync()).Rebuilt.ShouldBeTrue();
        (await Scalar<long>("SELECT count(*) FROM procedures.stat_refresh_state WHERE NOT rebuild_requested")).ShouldBe(1);
        (await ReportsAsync()).ShouldBe(expected, "after the rebuild, the summaries give what the fact rows do");
        (await RefreshAsync()).Rebuilt.ShouldBeFalse("the request is done once");
        (await ReportsAsync()).ShouldBe(expected);
    }

    [Test]
    public async Task Should_read_the_summaries_when_no_rebuild_is_requested()
    {
        // The same summaries without the request are read as they are: the check above can tell the two paths apart.
        var expected = await ReportsAsync(forceFacts: true);
        await ExecuteAsync("UPDATE procedures.stat_flows SET received_counter = received_counter + 7");
        (await ReportsAsync()).ShouldNotBe(expected);
        (await RefreshAsync()).Rebuilt.ShouldBeFalse();
    }

    private async Task<StatisticsRefreshed> RefreshAsync()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RefreshStatisticsAsync();
    }
}
