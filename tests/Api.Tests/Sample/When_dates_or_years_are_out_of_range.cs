using System.Net;

namespace Api.Tests.Sample;

/// <summary>Dates and years outside what the calendar and the reports cover are refused naming the field, never a 500.</summary>
public sealed class When_dates_or_years_are_out_of_range
{
    private SampleApi _api = null!;
    private Guid _commune;

    [OneTimeSetUp]
    public async Task Start()
    {
        _api = await SampleApi.InstanceAsync();
        _commune = await _api.UnitAsync("000.01.31.H29");
    }

    private static async Task ExpectRefused(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeOneOf([400, 422], text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Expect(response.StatusCode)).GetProperty("field").GetString().ShouldBe(field);
    }

    private static readonly string[] Dates = ["0001-01-01", "9999-12-31"];
    private static readonly string[] Years = ["-1", "0", "99999", "2147483647"];

    [TestCaseSource(nameof(Dates))]
    public async Task Should_refuse_a_statistics_period_outside_the_calendar(string date)
    {
        var leader = await _api.As("ys.leader");
        await ExpectRefused(await leader.GetAsync($"/api/v1/statistics/figures?unitId={_commune}&from={date}&to={date}"), "from");
        await ExpectRefused(await leader.GetAsync($"/api/v1/statistics/figures?unitId={_commune}&from=2026-01-01&to={date}"), "to");
        await ExpectRefused(await leader.GetAsync($"/api/v1/statistics/dossiers?unitId={_commune}&from={date}&to=2026-12-31&figure=Received"), "from");
        await ExpectRefused(await leader.GetAsync($"/api/v1/statistics/service-index?unitId={_commune}&from=2026-01-01&to={date}"), "to");
        await ExpectRefused(await leader.GetAsync($"/api/v1/statistics/ratings?unitId={_commune}&from={date}&to=2026-12-31"), "from");
    }

    [TestCaseSource(nameof(Dates))]
    public async Task Should_refuse_a_register_period_outside_the_calendar(string date)
    {
        var leader = await _api.As("ys.leader");
        await ExpectRefused(await leader.GetAsync($"/api/v1/reports/register?unitId={_commune}&from={date}&to={date}"), "from");
        await ExpectRefused(await leader.GetAsync($"/api/v1/reports/register.xlsx?unitId={_commune}&from=2026-01-01&to={date}"), "to");
    }

    [TestCaseSource(nameof(Dates))]
    public async Task Should_refuse_a_search_date_outside_the_calendar(string date)
    {
        var clerk = await _api.As("ys.clerk");
        await ExpectRefused(await clerk.Post("/api/v1/dossiers/search", new { receivedFrom = date }), "receivedFrom");
        await ExpectRefused(await clerk.Post("/api/v1/dossiers/search", new { receivedTo = date }), "receivedTo");
    }

    [TestCaseSource(nameof(Years))]
    public async Task Should_refuse_a_report_year_outside_the_reporting_years(string year)
    {
        var leader = await _api.As("ys.leader");
        await ExpectRefused(await leader.GetAsync($"/api/v1/reports/iso?unitId={_commune}&kind=HalfYear&year={year}"), "year");
        await ExpectRefused(await leader.GetAsync($"/api/v1/reports/iso/{_commune}/Year/{year}"), "year");
        await ExpectRefused(await leader.GetAsync($"/api/v1/reports/iso/{_commune}/Year/{year}/consolidated"), "year");
        await ExpectRefused(await leader.GetAsync($"/api/v1/reports/iso/{_commune}/Year/{year}/consolidated.xlsx"), "year");
    }

    [TestCaseSource(nameof(Years))]
    public async Task Should_refuse_a_quality_or_calendar_year_outside_the_range(string year)
    {
        var leader = await _api.As("ys.leader");
        await ExpectRefused(await leader.GetAsync($"/api/v1/quality/objectives?unitId={_commune}&year={year}"), "year");
        await ExpectRefused(await leader.GetAsync($"/api/v1/quality/audits?unitId={_commune}&year={year}"), "year");
        await ExpectRefused(await leader.GetAsync($"/api/v1/quality/management-reviews?unitId={_commune}&year={year}"), "year");
        await ExpectRefused(await (await _api.As("admin")).GetAsync($"/api/v1/admin/calendar/{year}"), "year");
    }
}
