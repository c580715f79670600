using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Procedures.Organisation;
using Procedures.Statistics;

namespace Ui.Tests;

/// <summary>
/// The commune leader's statistics on the sample dossiers: the figures on the page are those of the statistics use case,
/// a chart is drawn, a figure opens exactly its dossiers, a report downloads as Excel; an official of another commune
/// sees none of it.
/// </summary>
public sealed class When_a_leader_reads_the_statistics
{
    private const string Commune = "000.01.31.H29";
    private UiHost _host = null!;
    private Guid _unit;
    private DateOnly _from, _to;
    private StatisticsReport _expected = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _host = await UiHost.InstanceAsync();
        _unit = await _host.Db(db => db.Units.Where(u => u.Code == Commune).Select(u => u.Id).SingleAsync());
        // A period that ended yesterday: what other journeys do today does not move its figures.
        var today = Slices.LocalDate(DateTimeOffset.UtcNow);
        (_from, _to) = (today.AddDays(-75), today.AddDays(-1));
        await using var scope = _host.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RefreshStatisticsAsync();
        var leader = (await scope.ServiceProvider.GetRequiredService<OfficialDirectory>().FindAsync("ys.leader"))!;
        var result = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().HandleAsync(leader, new GetStatistics(_unit, _from, _to));
        _expected = result.Value ?? throw new InvalidOperationException(result.Error?.MessageEn);
    }

    private string Dashboard => $"/can-bo/thong-ke?unit={_unit}&from={_from:yyyy-MM-dd}&to={_to:yyyy-MM-dd}&by=ChildUnit";

    [Test]
    public async Task Should_show_the_figures_of_the_statistics_and_drill_down_to_their_dossiers()
    {
        _expected.Total.Received.ShouldBeGreaterThan(0, "the sample dossiers were received in the last 60 days");
        var page = await Browser.NewPageAsync(_host);
        await page.SignInAsync("ys.leader");
        await page.GoAsync(Dashboard);
        await page.Locator("[data-testid=stats-table]").WaitForAsync();

        foreach (var figure in Api.Ui.Stats.FigureCells.Columns)
            (await page.Locator($"[data-testid=fig-total-{figure}]").InnerTextAsync()).Trim()
                .ShouldBe(_expected.Total.Count(figure).ToString(), figure.ToString());
        (await page.Locator("[data-testid=stats-row]").CountAsync()).ShouldBe(_expected.Rows.Count);
        (await page.Locator("[data-testid=chart-share] .mud-chart svg, [data-testid=chart-rows] .mud-chart svg").CountAsync()).ShouldBeGreaterThan(0, "a chart is drawn");
        await page.ShotAsync("20-statistics-dashboard");

        // A figure small enough to be listed on one page, so every dossier behind it is on the screen.
        var (drilled, count) = Api.Ui.Stats.FigureCells.Columns.Select(f => (f, _expected.Total.Count(f)))
            .Where(x => x.Item2 is > 0 and <= 50).OrderByDescending(x => x.Item2).First();
        await page.Locator($"[data-testid=fig-total-{drilled}]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/can-bo/thong-ke/ho-so", StringComparison.Ordinal));
        await page.WaitForLiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=drill-total]")).ToHaveTextAsync(count.ToString());
        await Assertions.Expect(page.Locator("[data-testid=drill-row]")).ToHaveCountAsync(count);
        (await page.Locator("[data-testid=drill-row]").First.GetAttributeAsync("href")).ShouldStartWith("/can-bo/ho-so/");
        await page.ShotAsync("21-statistics-drill-down");
    }

    [Test]
    public async Task Should_keep_the_on_time_rate_in_view_at_1366_px_and_remember_the_columns_the_leader_hides()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync("ys.leader");
        await page.GoAsync(Dashboard);
        await page.WaitForLiveAsync();
        var rate = page.Locator("[data-testid=col-OnTimeRate]");
        await rate.WaitForAsync();

        var box = (await rate.BoundingBoxAsync())!;
        (box.X >= 0 && box.X + box.Width <= 1366).ShouldBeTrue($"the on-time rate header spans {box.X}–{box.X + box.Width} px");
        (await rate.InnerTextAsync()).Trim().ShouldBe("Tỷ lệ đúng hạn");

        await page.Locator("[data-testid=stats-columns]").ClickAsync();
        await page.Locator("input[data-testid=col-toggle-ReceivedOnline]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=col-ReceivedOnline]")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.WaitForLiveAsync();
        await page.Locator("[data-testid=col-Received]").WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=col-ReceivedOnline]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=col-OnTimeRate]")).ToBeInViewportAsync();
        await page.ShotAsync("21b-statistics-columns-1366");

        // Shown again, so the other tests of this class see every column.
        await page.Locator("[data-testid=stats-columns]").ClickAsync();
        await page.Locator("input[data-testid=col-toggle-ReceivedOnline]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=col-ReceivedOnline]")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task Should_download_the_consolidated_report_as_excel()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.SignInAsync("ys.leader");
        await page.GoAsync($"/can-bo/bao-cao?unit={_unit}");
        await page.Locator("[data-testid=consolidated-table]").WaitForAsync();
        await page.ShotAsync("22-reports");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-consolidated-xlsx]").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path)) (await file.ReadAsync(head)).ShouldBe(2);
        head.ShouldBe("PK"u8.ToArray(), "an xlsx file is a zip archive");

        await page.GoAsync($"/can-bo/bao-cao/so-theo-doi?unit={_unit}");
        await page.Locator("[data-testid=register-count]").WaitForAsync();
        await page.ShotAsync("23-dossier-register");
    }

    [Test]
    public async Task Should_show_the_iso_records_of_the_unit()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.SignInAsync("ys.leader");
        foreach (var (path, table, shot) in new[]
                 {
                     ("/can-bo/iso/muc-tieu", "objectives-table", "24-iso-objectives"), ("/can-bo/iso/tai-lieu", "documents-table", "25-iso-documents"),
                     ("/can-bo/iso/danh-gia", "audits-table", "26-iso-audits"), ("/can-bo/iso/khong-phu-hop", "nc-table", "27-iso-nonconformities"),
                     ("/can-bo/iso/xem-xet", "reviews-table", "28-iso-reviews"),
                 })
        {
            await page.GoAsync($"{path}?unit={_unit}");
            await page.Locator($"[data-testid={table}]").WaitForAsync();
            (await page.Locator("[data-testid=error]").CountAsync()).ShouldBe(0, path);
            (await page.Locator("[data-testid=export]").GetAttributeAsync("href")).ShouldStartWith("/api/v1/quality/");
            await page.ShotAsync(shot);
        }
        await page.GoAsync($"/can-bo/thong-ke/chi-so?unit={_unit}");
        await page.Locator("[data-testid=index-table]").WaitForAsync();
        await page.ShotAsync("29-service-index");
    }

    [Test]
    public async Task Should_not_show_a_commune_its_neighbours_figures()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.SignInAsync("hy.clerk");
        await page.GoAsync(Dashboard);
        await page.Locator("[data-testid=error]").WaitForAsync();
        (await page.Locator("[data-testid=stats-table]").CountAsync()).ShouldBe(0);
        await page.GoAsync($"/can-bo/bao-cao?unit={_unit}");
        await page.Locator("[data-testid=error]").WaitForAsync();
        (await page.Locator("[data-testid=consolidated-table]").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-testid=nav-stats]").CountAsync()).ShouldBe(0, "a clerk has no statistics menu");
    }

    [Test]
    public async Task Should_send_an_anonymous_visitor_of_the_statistics_to_the_sign_in_page()
    {
        var page = await Browser.NewPageAsync(_host);
        await page.GotoAsync(Dashboard);
        await page.WaitForURLAsync(url => url.Contains("/dang-nhap", StringComparison.Ordinal));
    }
}
