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
        foreach (var table in new[] { "stat_dossier_facts", "stat_flows", "stat_open", "stat_delays", "stat_flows_daily", "stat_open_changes", "stat_delays_daily" })
        {
            await using var cmd = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '') FROM procedures.{table} t", conn);
            parts.Add($"{table}:\n{await cmd.ExecuteScalarAsync()}");
        }
        return string.Join("\n", parts);
    }
}
