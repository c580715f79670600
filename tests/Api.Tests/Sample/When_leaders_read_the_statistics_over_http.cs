using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Statistics;
using Tests.Shared;

namespace Api.Tests.Sample;

/// <summary>
/// Statistics, reports and their exports over HTTP on the sample province: two dossiers received at the Yên Sơn shop
/// move the commune's figures by exactly two, the drill-down lists them, the other commune's clerk sees none of it,
/// and the downloads open and carry the figures the JSON shows.
/// </summary>
public sealed class When_leaders_read_the_statistics_over_http
{
    private SampleApi _api = null!;
    private Guid _commune, _otherShop;
    private DateOnly _today;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await SampleApi.InstanceAsync();
        _commune = await _api.UnitAsync("000.01.31.H29");
        _otherShop = await _api.UnitAsync("001.02.31.H29");
        _today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
    }

    [Test]
    public async Task Two_dossiers_received_today_add_two_to_the_communes_figures_and_the_drill_down_lists_them()
    {
        var leader = await _api.As("ys.leader");
        await RefreshAsync();
        var before = await FiguresAsync(leader);

        var first = await Dossiers.ReceiveAsync(_api, "Lê Thị Thống Kê", "0911000001");
        var second = await Dossiers.ReceiveAsync(_api, "Trần Văn Số Liệu", "0911000002");
        await RefreshAsync();
        var after = await FiguresAsync(leader);

        (Figure(after, "receivedCounter") - Figure(before, "receivedCounter")).ShouldBe(2);
        (Figure(after, "inProgressWithinTime") - Figure(before, "inProgressWithinTime")).ShouldBe(2);
        (Figure(after, "receivedOnline") - Figure(before, "receivedOnline")).ShouldBe(0);
        after.GetProperty("refreshedAt").ValueKind.ShouldBe(JsonValueKind.String);

        var page = await (await leader.GetAsync($"/api/v1/statistics/dossiers?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}&figure=ReceivedCounter&pageSize=500"))
            .Expect(HttpStatusCode.OK);
        page.GetProperty("totalCount").GetInt32().ShouldBe(Figure(after, "receivedCounter"));
        var listed = page.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("dossierId").GetGuid()).ToList();
        listed.ShouldContain(first.Id);
        listed.ShouldContain(second.Id);
    }

    [Test]
    public async Task A_clerk_of_the_other_commune_gets_not_found_and_none_of_its_dossiers()
    {
        var received = await Dossiers.ReceiveAsync(_api, "Phạm Văn Ngoài Phạm Vi", "0911000003");
        await RefreshAsync();
        var stranger = await _api.As("hy.clerk");
        var figures = await stranger.GetAsync($"/api/v1/statistics/figures?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}");
        (await figures.Expect(HttpStatusCode.NotFound)).GetProperty("code").GetString().ShouldBe("not-found");
        await (await stranger.GetAsync($"/api/v1/statistics/dossiers?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}&figure=Received"))
            .Expect(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/v1/reports/register.xlsx?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}"))
            .Expect(HttpStatusCode.NotFound);

        var own = await (await stranger.GetAsync($"/api/v1/statistics/dossiers?unitId={_otherShop}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}&figure=Received&pageSize=500"))
            .Expect(HttpStatusCode.OK);
        own.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("dossierId").GetGuid()).ShouldNotContain(received.Id);
        await (await (await _api.As(Api.Accounts.DemoAccounts.CitizenA)).GetAsync($"/api/v1/statistics/figures?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}"))
            .Expect(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task The_consolidated_report_downloads_as_Excel_and_PDF_with_the_figures_of_the_dashboard()
    {
        await Dossiers.ReceiveAsync(_api, "Hoàng Thị Báo Cáo", "0911000004");
        await RefreshAsync();
        var leader = await _api.As("ys.leader");
        var year = _today.Month == 12 && _today.Day >= 15 ? _today.Year + 1 : _today.Year;
        var report = await (await leader.GetAsync($"/api/v1/reports/iso/{_commune}/Year/{year}/consolidated")).Expect(HttpStatusCode.OK);
        var period = report.GetProperty("period");
        var figures = await (await leader.GetAsync($"/api/v1/statistics/figures?unitId={_commune}&from={period.GetProperty("from").GetString()}&to={period.GetProperty("to").GetString()}"))
            .Expect(HttpStatusCode.OK);
        var received = Figure(figures, "receivedCounter");
        received.ShouldBeGreaterThan(0);
        report.GetProperty("total").GetProperty("figures").GetProperty("receivedCounter").GetInt32().ShouldBe(received);

        var excel = await leader.GetAsync($"/api/v1/reports/iso/{_commune}/Year/{year}/consolidated.xlsx");
        excel.StatusCode.ShouldBe(HttpStatusCode.OK);
        excel.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var book = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync())))
        {
            var sheet = book.Worksheet("So lieu");
            var total = sheet.RowsUsed().Single(r => r.Cell(2).GetString() == "Tổng cộng");
            total.Cell(4).GetValue<int>().ShouldBe(received);
            total.Cell(3).GetValue<int>().ShouldBe(Figure(report.GetProperty("total").GetProperty("figures"), "carriedOver", direct: true));
        }

        var pdf = await leader.GetAsync($"/api/v1/reports/iso/{_commune}/Year/{year}/consolidated.pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Ủy ban nhân dân xã Yên Sơn");
        var totals = text.Split('\n').First(l => l.Contains("Tổng cộng", StringComparison.Ordinal));
        totals[totals.IndexOf("Tổng cộng", StringComparison.Ordinal)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3].ShouldBe(received.ToString());
    }

    [Test]
    public async Task The_dossier_register_downloads_with_the_dossiers_received()
    {
        var received = await Dossiers.ReceiveAsync(_api, "Vũ Văn Sổ Sách", "0911000005");
        var leader = await _api.As("ys.leader");
        var excel = await leader.GetAsync($"/api/v1/reports/register.xlsx?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}");
        excel.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        book.Worksheet(1).CellsUsed().Select(c => c.GetString()).ShouldContain(received.Code);
        var pdf = await leader.GetAsync($"/api/v1/reports/register.pdf?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}");
        PdfText.Of(await pdf.Content.ReadAsByteArrayAsync()).ShouldContain(received.Code);
    }

    [Test]
    public async Task A_leader_drafts_and_submits_the_communes_report_and_the_calendar_shows_it_submitted()
    {
        var leader = await _api.As("ys.leader");
        var year = _today.Year - 1;
        var draft = await (await leader.Send(HttpMethod.Put, $"/api/v1/reports/iso/{_commune}/HalfYear/{year}/draft",
            new { assessment = "Giải quyết đúng hạn", difficulties = "Thiếu máy quét", proposals = "Bổ sung thiết bị" })).Expect(HttpStatusCode.OK);
        draft.GetProperty("state").GetString().ShouldBe("Late"); // a draft past the deadline is late until sent
        draft.GetProperty("content").GetProperty("difficulties").GetString().ShouldBe("Thiếu máy quét");
        var submitted = await (await leader.Post($"/api/v1/reports/iso/{_commune}/HalfYear/{year}/submission")).Expect(HttpStatusCode.OK);
        submitted.GetProperty("state").GetString().ShouldBe("SubmittedLate");
        await (await leader.Post($"/api/v1/reports/iso/{_commune}/HalfYear/{year}/submission")).Expect(HttpStatusCode.Conflict);

        var calendar = await (await leader.GetAsync($"/api/v1/reports/iso?unitId={_commune}&kind=HalfYear&year={year}")).Expect(HttpStatusCode.OK);
        var commune = calendar.EnumerateArray().Single(s => s.GetProperty("unitId").GetGuid() == _commune);
        commune.GetProperty("state").GetString().ShouldBe("SubmittedLate");
        commune.GetProperty("period").GetProperty("dueOn").GetString().ShouldBe($"{year}-06-15");
        calendar.EnumerateArray().Count().ShouldBeGreaterThan(1);
    }

    [Test]
    public async Task A_nonconformity_goes_from_open_to_closed_and_the_export_lists_it()
    {
        var leader = await _api.As("ys.leader");
        var shop = await _api.UnitAsync(Dossiers.Shop);
        var raised = await (await leader.Post("/api/v1/quality/nonconformities",
            new { unitId = shop, source = "Complaint", description = "Trả kết quả sai địa chỉ", sourceRef = "PA-01" })).Expect(HttpStatusCode.OK);
        var id = raised.GetProperty("id").GetString();
        var number = raised.GetProperty("number").GetString()!;
        raised.GetProperty("status").GetString().ShouldBe("Open");
        (await (await leader.Post($"/api/v1/quality/nonconformities/{id}/corrective-action",
            new { cause = "Nhập sai", correctiveAction = "Đối chiếu địa chỉ khi trả", owner = "ys.clerk", dueOn = _today.AddDays(10).ToString("yyyy-MM-dd") }))
            .Expect(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("ActionPlanned");
        (await (await leader.Post($"/api/v1/quality/nonconformities/{id}/verification", new { effective = true, note = "Đã kiểm tra 20 hồ sơ" }))
            .Expect(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Verified");
        (await (await leader.Post($"/api/v1/quality/nonconformities/{id}/closure")).Expect(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("Closed");

        var closed = await (await leader.GetAsync($"/api/v1/quality/nonconformities?unitId={_commune}&status=Closed&text=sai%20%C4%91%E1%BB%8Ba%20ch%E1%BB%89")).Expect(HttpStatusCode.OK);
        closed.EnumerateArray().Select(n => n.GetProperty("number").GetString()).ShouldContain(number);
        var excel = await leader.GetAsync($"/api/v1/quality/nonconformities.xlsx?unitId={_commune}&status=Closed");
        using var book = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        book.Worksheet(1).CellsUsed().Select(c => c.GetString()).ShouldContain(number);
        await (await (await _api.As("ys.clerk")).Post($"/api/v1/quality/nonconformities", new { unitId = shop, source = "Complaint", description = "Không được" }))
            .Expect(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task A_quality_objective_is_tracked_against_the_statistics()
    {
        var leader = await _api.As("ys.leader");
        await (await leader.Post("/api/v1/quality/objectives",
            new { unitId = _commune, year = _today.Year, title = "95% hồ sơ đúng hạn", measure = "OnTimeRate", target = 0.95 })).Expect(HttpStatusCode.OK);
        await Dossiers.ReceiveAsync(_api, "Đặng Văn Mục Tiêu", "0911000006");
        await RefreshAsync();
        var tracked = await (await leader.GetAsync($"/api/v1/quality/objectives?unitId={_commune}&year={_today.Year}")).Expect(HttpStatusCode.OK);
        var objective = tracked.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("title").GetString() == "95% hồ sơ đúng hạn");
        objective.GetProperty("target").GetDecimal().ShouldBe(0.95m);
        objective.GetProperty("actual").ValueKind.ShouldBe(JsonValueKind.Number);
        var excel = await leader.GetAsync($"/api/v1/quality/objectives.xlsx?unitId={_commune}&year={_today.Year}");
        using var book = new XLWorkbook(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        book.Worksheet(1).CellsUsed().Select(c => c.GetString()).ShouldContain("95% hồ sơ đúng hạn");
    }

    [Test]
    public async Task The_service_index_shows_its_six_criteria_with_inputs_and_a_stored_rating_counts_in_its_band()
    {
        var leader = await _api.As("ys.leader");
        var url = $"unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}";
        var before = (await (await leader.GetAsync($"/api/v1/statistics/ratings?{url}")).Expect(HttpStatusCode.OK)).GetProperty("summary");

        var (dossier, _) = await Dossiers.ReceiveAsync(_api, "Mai Thị Đánh Giá", "0911000007");
        await _api.Db(async db =>
        {
            var d = await db.Dossiers.FindAsync(dossier);
            db.Ratings.Add(new Procedures.Citizens.Rating
            {
                Id = Guid.NewGuid(), DossierId = dossier, CitizenAccountId = Guid.NewGuid(), ProcedureId = d!.ProcedureId, ProcessingUnitId = _commune,
                ReceivingUnitId = d.ReceivingUnitId, Scores = [2, 2, 2, 2, 2, 2, 1, 1, 1], Total = 15, Grade = Procedures.Citizens.RatingGrade.Excellent,
                RatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var ratings = await (await leader.GetAsync($"/api/v1/statistics/ratings?{url}")).Expect(HttpStatusCode.OK);
        var after = ratings.GetProperty("summary");
        (after.GetProperty("count").GetInt32() - before.GetProperty("count").GetInt32()).ShouldBe(1);
        (after.GetProperty("byGrade").GetProperty("Excellent").GetInt32() - before.GetProperty("byGrade").GetProperty("Excellent").GetInt32()).ShouldBe(1);
        ratings.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("nameVi").GetString())
            .ShouldBe(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]);

        await RefreshAsync();
        var index = await (await leader.GetAsync($"/api/v1/statistics/service-index?{url}")).Expect(HttpStatusCode.OK);
        var criteria = index.GetProperty("criteria").EnumerateArray().ToList();
        criteria.Select(c => c.GetProperty("code").GetString()).ShouldBe(["transparency", "progress", "onlineService", "onlinePayment", "digitisation", "satisfaction"]);
        criteria.Sum(c => c.GetProperty("weight").GetDecimal()).ShouldBe(100m);
        var figures = await FiguresAsync(leader);
        var progress = criteria.Single(c => c.GetProperty("code").GetString() == "progress");
        progress.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "inProgressWithinTime").GetProperty("value").GetDecimal()
            .ShouldBe(Figure(figures, "inProgressWithinTime"));
        criteria.Single(c => c.GetProperty("code").GetString() == "satisfaction").GetProperty("data").GetString().ShouldBe("Measured");
    }

    private async Task<JsonElement> FiguresAsync(HttpClient client) =>
        await (await client.GetAsync($"/api/v1/statistics/figures?unitId={_commune}&from={_today:yyyy-MM-dd}&to={_today:yyyy-MM-dd}")).Expect(HttpStatusCode.OK);

    private static int Figure(JsonElement report, string name, bool direct = false) =>
        (direct ? report : report.GetProperty("total")).GetProperty(name).GetInt32();

    private async Task RefreshAsync()
    {
        await using var scope = _api.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StatisticsRefresher>().RefreshStatisticsAsync();
    }
}
