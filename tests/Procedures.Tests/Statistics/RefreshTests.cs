using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Statistics;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Statistics;

/// <summary>The refresher follows the dossier use cases and always leaves what a rebuild would.</summary>
public sealed class RefreshTests : DossierTest
{
    [Test]
    public async Task An_incremental_refresh_after_the_use_cases_equals_a_rebuild()
    {
        var first = await ReceiveComplete();
        var second = await ReceiveComplete();
        var firstRun = await Refresh();
        firstRun.Rebuilt.ShouldBeTrue();

        Clock.Advance(TimeSpan.FromHours(2));
        await SignOff(first.DossierId);
        (await Return(first.DossierId)).Ok();
        (await Refuse(second.DossierId, TestOrg.ClerkA)).Error.ShouldNotBeNull(); // the clerk may not refuse after reception
        (await Assign(second.DossierId)).Ok();
        (await Refuse(second.DossierId, TestOrg.SpecialistA)).Ok();
        var third = await ReceiveComplete();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Apologise(third.DossierId, new DateOnly(2026, 3, 16))).Ok();

        var refreshed = await Refresh();
        refreshed.Rebuilt.ShouldBeFalse();
        refreshed.DossiersRead.ShouldBe(3);
        var incremental = await DumpAsync();
        (await Services.CreateAsyncScope().ServiceProvider.GetRequiredService<StatisticsRefresher>().RebuildStatisticsAsync()).Rebuilt.ShouldBeTrue();
        (await DumpAsync()).ShouldBe(incremental);
        incremental.ShouldContain("Approved");
        incremental[incremental.IndexOf("stat_flows_daily:", StringComparison.Ordinal)..].ShouldContain(TestOrg.SpecialistA,
            customMessage: "the day rows keep the procedure and official levels too");
        incremental[incremental.IndexOf("stat_flows_monthly:", StringComparison.Ordinal)..].ShouldContain("2026-03-01");
        incremental[incremental.IndexOf("stat_flows_yearly:", StringComparison.Ordinal)..].ShouldContain("2026-01-01");
    }

    [Test]
    public async Task The_month_and_year_rows_are_the_half_month_rows_added_up_after_an_incremental_refresh()
    {
        var first = await ReceiveComplete();
        var second = await ReceiveComplete();
        await Refresh();
        Clock.Advance(TimeSpan.FromHours(2));
        await SignOff(first.DossierId);
        (await Return(first.DossierId)).Ok();
        (await Assign(second.DossierId)).Ok();
        (await Refuse(second.DossierId, TestOrg.SpecialistA)).Ok();
        Clock.Set(Vn(2026, 3, 16, 8));
        await ReceiveComplete();
        (await Refresh()).Rebuilt.ShouldBeFalse();

        foreach (var (table, period) in new[] { ("stat_flows_monthly", "month"), ("stat_flows_yearly", "year") })
        {
            (await ScalarAsync($"SELECT count(*) FROM procedures.{table}")).ShouldBeGreaterThan(0);
            var differences = await ScalarAsync($"""
                WITH added AS (
                    SELECT unit_id, official, procedure_id, date_trunc('{period}', slice)::date AS p, 0::bigint AS i, sum(received_counter) rc,
                        sum(received_online) ro, sum(received_post) rp, sum(finished_early + finished_on_time + finished_late) f, sum(refused) r,
                        sum(supplement_requests) s, sum(processing_days_sum) d
                    FROM procedures.stat_flows GROUP BY 1, 2, 3, 4
                    UNION ALL
                    SELECT unit_id, official, procedure_id, date_trunc('{period}', slice)::date, u.i, sum(u.x), 0, 0, 0, 0, 0, 0
                    FROM procedures.stat_flows, unnest(durations) WITH ORDINALITY u(x, i) GROUP BY 1, 2, 3, 4, 5),
                kept AS (
                    SELECT unit_id, official, procedure_id, {period} AS p, 0::bigint AS i, received_counter::numeric rc, received_online::numeric ro,
                        received_post::numeric rp, (finished_early + finished_on_time + finished_late)::numeric f, refused::numeric r,
                        supplement_requests::numeric s, processing_days_sum d
                    FROM procedures.{table}
                    UNION ALL
                    SELECT unit_id, official, procedure_id, {period}, u.i, u.x, 0, 0, 0, 0, 0, 0
                    FROM procedures.{table}, unnest(durations) WITH ORDINALITY u(x, i))
                SELECT count(*) FROM ((SELECT * FROM added EXCEPT SELECT * FROM kept) UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM added)) x
                """);
            differences.ShouldBe(0, customMessage: table);
        }
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Passing_a_half_month_boundary_adds_the_snapshot_of_what_is_open()
    {
        await ReceiveComplete();
        await Refresh();
        Clock.Set(Vn(2026, 3, 16, 8));
        var refreshed = await Refresh();
        refreshed.BoundariesAdded.ShouldBe(1);
        refreshed.SnapshotsThrough.ShouldBe(new DateOnly(2026, 3, 15));
        var incremental = await DumpAsync();
        incremental.ShouldContain("2026-03-15");
        await Services.CreateAsyncScope().ServiceProvider.GetRequiredService<StatisticsRefresher>().RebuildStatisticsAsync();
        (await DumpAsync()).ShouldBe(incremental);
    }

    [Test]
    public async Task A_refresh_with_nothing_new_changes_nothing()
    {
        await ReceiveComplete();
        await Refresh();
        var before = await DumpAsync();
        (await Refresh()).BoundariesAdded.ShouldBe(0);
        (await DumpAsync()).ShouldBe(before);
    }

    private async Task<StatisticsRefreshed> Refresh()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RefreshStatisticsAsync();
    }

    private async Task<string> DumpAsync()
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "stat_dossier_facts", "stat_flows", "stat_open", "stat_delays", "stat_flows_daily", "stat_open_changes", "stat_delays_daily",
                     "stat_flows_monthly", "stat_flows_yearly" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM procedures.{table} t", conn);
            parts.Add($"{table}:\n{await cmd.ExecuteScalarAsync()}");
        }
        return string.Join("\n", parts);
    }
}
