using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Samples;

namespace Api.Tests.Sample;

/// <summary>
/// Phân quyền phụ trách and chỉ đạo through the API, on a sample province of its own (the assignments made here would change who
/// may assign in the shared one): Yên Sơn's economy section is put in charge of household businesses; Hàm Yên has only the sample's
/// assignments (civil status and certification to its office, land and construction to its economy section), none for household businesses.
/// </summary>
public sealed class When_responsibility_routes_and_leaders_direct_over_http
{
    private SampleApi _api = null!;
    private Guid _yenSon, _economy;

    [OneTimeSetUp]
    public async Task PutTheEconomySectionInCharge()
    {
        _api = await SampleApi.StartAsync();
        _yenSon = await _api.UnitAsync(SampleProvince.YenSon);
        _economy = await _api.UnitAsync("003.01.31.H29");
        var sector = await _api.Db(db => db.Sectors.SingleAsync(s => s.Code == "DKKD"));
        var admin = await _api.As("ys.admin");
        var assigned = await (await admin.Post("/api/v1/admin/responsibilities", new { unitId = _yenSon, sectionId = _economy, sectorId = sector.Id, note = "Quyết định phân công số 12/QĐ-UBND" }))
            .Expect(HttpStatusCode.OK);
        assigned.GetProperty("sectionName").GetString().ShouldBe("Phòng Kinh tế xã Yên Sơn");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _api.DisposeAsync();

    [Test]
    public async Task Should_put_the_economy_dossier_in_the_economy_section_s_inbox_and_not_in_the_office_s()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api, "Phân Quyền Kinh Tế", "0911000001");

        (await MineAsync("ys.economy.section-head")).ShouldContain(id);
        (await MineAsync("ys.section-head")).ShouldNotContain(id);
        var refused = await (await (await _api.As("ys.section-head")).Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.specialist1" }))
            .Expect(HttpStatusCode.Forbidden);
        refused.GetProperty("code").GetString().ShouldBe("not-in-charge");
        await (await (await _api.As("ys.economy.section-head")).Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }))
            .Expect(HttpStatusCode.OK);
        (await MineAsync("ys.economy.specialist")).ShouldContain(id);
    }

    [Test]
    public async Task Should_leave_a_dossier_of_a_unit_without_assignments_in_its_common_queue()
    {
        var id = await ReceiveAtHamYenAsync("Hàng Chờ Chung");

        (await MineAsync("hy.section-head")).ShouldContain(id);
        (await MineAsync("hy.economy.section-head")).ShouldContain(id);
    }

    [Test]
    public async Task Should_let_the_commune_leader_assign_where_the_docs_say_they_may()
    {
        var id = await ReceiveAtHamYenAsync("Chủ Tịch Phân Công");

        var state = await (await (await _api.As("hy.leader")).Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "hy.economy.specialist", instructions = "Xử lý ngay" }))
            .Expect(HttpStatusCode.OK);
        state.GetProperty("openSteps").EnumerateArray().Select(s => s.GetString()).ShouldBe(["process"]);
    }

    [Test]
    public async Task Should_let_the_leader_direct_re_direct_and_follow_the_dossier()
    {
        var (id, code) = await Dossiers.ReceiveAsync(_api, "Lãnh Đạo Chỉ Đạo", "0911000002");
        var leader = await _api.As("ys.leader");
        var due = DateTimeOffset.UtcNow.AddHours(30);

        await (await leader.Post($"/api/v1/dossiers/{id}/directions", new { specialist = "ys.economy.specialist", instructions = "Thẩm định kỹ địa điểm", dueAt = due }))
            .Expect(HttpStatusCode.OK);
        var mine = (await (await leader.GetAsync("/api/v1/directions/mine")).Expect(HttpStatusCode.OK)).EnumerateArray()
            .Single(d => d.GetProperty("dossierId").GetGuid() == id);
        mine.GetProperty("dossierCode").GetString().ShouldBe(code);
        mine.GetProperty("state").GetString().ShouldBe("InProgress");
        mine.GetProperty("specialistName").GetString().ShouldBe("Vũ Đức Thắng");

        await (await (await _api.As("ys.deputy")).Post($"/api/v1/dossiers/{id}/directions", new { sectionId = _economy, instructions = "Phòng Kinh tế phân công lại" }))
            .Expect(HttpStatusCode.OK);
        var all = (await (await leader.GetAsync("/api/v1/directions/mine?includeRedirected=true")).Expect(HttpStatusCode.OK)).EnumerateArray()
            .Where(d => d.GetProperty("dossierId").GetGuid() == id).ToList();
        all.ShouldHaveSingleItem().GetProperty("state").GetString().ShouldBe("Redirected");
        (await (await leader.GetAsync("/api/v1/directions/mine")).Expect(HttpStatusCode.OK)).EnumerateArray()
            .ShouldNotContain(d => d.GetProperty("dossierId").GetGuid() == id);

        var detail = await (await leader.GetAsync($"/api/v1/dossiers/{id}")).Expect(HttpStatusCode.OK);
        detail.GetRawText().ShouldContain("\"Directed\"");
    }

    [Test]
    public async Task Should_answer_403_to_a_specialist_and_to_a_leader_of_another_commune_and_name_the_field_of_a_bad_direction()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api, "Không Được Chỉ Đạo", "0911000003");

        var specialist = await (await (await _api.As("ys.specialist1")).Post($"/api/v1/dossiers/{id}/directions", new { specialist = "ys.specialist2", instructions = "Tôi chỉ đạo" }))
            .Expect(HttpStatusCode.Forbidden);
        specialist.GetProperty("detail").GetString()!.ShouldContain("lãnh đạo");
        await (await (await _api.As("hy.leader")).Post($"/api/v1/dossiers/{id}/directions", new { specialist = "hy.specialist1", instructions = "Sai đơn vị" }))
            .Expect(HttpStatusCode.Forbidden);
        var noTarget = await (await (await _api.As("ys.leader")).Post($"/api/v1/dossiers/{id}/directions", new { instructions = "Thiếu người nhận" }))
            .Expect(HttpStatusCode.BadRequest);
        noTarget.GetRawText().ShouldContain("sectionId");
        var past = await (await (await _api.As("ys.leader")).Post($"/api/v1/dossiers/{id}/directions",
            new { specialist = "ys.economy.specialist", instructions = "Hạn đã qua", dueAt = DateTimeOffset.UtcNow.AddDays(-1) })).Expect(HttpStatusCode.BadRequest);
        past.GetRawText().ShouldContain("dueAt");
    }

    [Test]
    public async Task Should_refuse_an_assignment_by_an_admin_of_another_commune_and_list_the_unit_s_assignments_for_its_admin()
    {
        var other = await (await (await _api.As("hy.admin")).Post("/api/v1/admin/responsibilities", new { unitId = _yenSon, sectionId = _economy, procedureId = Guid.NewGuid() }))
            .Expect(HttpStatusCode.NotFound);
        other.GetProperty("status").GetInt32().ShouldBe(404);
        var list = await (await (await _api.As("ys.admin")).GetAsync($"/api/v1/admin/units/{_yenSon}/responsibilities")).Expect(HttpStatusCode.OK);
        list.EnumerateArray().ShouldContain(r => r.GetProperty("sectionId").GetGuid() == _economy);
    }

    [Test]
    public async Task Should_count_the_sections_specialists_on_the_leader_s_page_and_their_dossiers_in_the_section_s_row()
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api, "Thống Kê Theo Phòng", "0911000004");
        await (await (await _api.As("ys.economy.section-head")).Post($"/api/v1/dossiers/{id}/assignment", new { specialist = "ys.economy.specialist" }))
            .Expect(HttpStatusCode.OK);
        await using var scope = _api.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Procedures.Statistics.StatisticsRefresher>().RefreshStatisticsAsync();

        var desk = (await Api.Ui.LeaderDesk.LoadAsync(scope.ServiceProvider, "ys.leader")).Value!;
        desk.Specialists.Select(s => s.UserName).Order().ShouldBe(["ys.economy.specialist", "ys.specialist1", "ys.specialist2"]);
        desk.Workload.Single(w => w.UserName == "ys.economy.specialist").Open.ShouldBeGreaterThanOrEqualTo(1);

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var figures = await (await (await _api.As("ys.leader")).GetAsync($"/api/v1/statistics/figures?unitId={_yenSon}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"))
            .Expect(HttpStatusCode.OK);
        var rows = figures.GetProperty("rows").EnumerateArray().ToList();
        var economy = rows.Single(r => r.GetProperty("key").GetString() == _economy.ToString());
        economy.GetProperty("figures").GetProperty("received").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var office = rows.Single(r => r.GetProperty("code").GetString() == "002.01.31.H29");
        office.GetProperty("figures").GetProperty("received").GetInt32().ShouldBe(0);
    }

    [Test]
    public async Task Should_move_the_waiting_dossier_to_the_official_put_in_charge_and_count_it_in_their_workload_on_the_leader_s_page()
    {
        const string SignatureCertification = "2.000884";
        var id = await ReceiveAtHamYenAsync("Chuyển Người Phụ Trách", SignatureCertification);
        // The sample puts Hàm Yên's office in charge of certification: the dossier waits in the office's queue.
        (await MineAsync("hy.specialist1")).ShouldContain(id);
        (await MineAsync("hy.economy.specialist")).ShouldNotContain(id);
        var before = await WorkloadAsync("hy.leader", "hy.specialist1");

        var (procedure, _) = await _api.ProcedureAsync(SignatureCertification);
        var changed = await (await (await _api.As("hy.admin")).Post("/api/v1/admin/responsibilities",
            new { unitId = await _api.UnitAsync(SampleProvince.HamYen), official = "hy.specialist1", procedureId = procedure, note = "Phân công cá nhân" }))
            .Expect(HttpStatusCode.OK);

        var moved = changed.GetProperty("rerouted").EnumerateArray().ToList();
        moved.ShouldContain(d => d.GetProperty("dossierId").GetGuid() == id && d.GetProperty("official").GetString() == "hy.specialist1");
        (await MineAsync("hy.specialist2")).ShouldNotContain(id);
        (await MineAsync("hy.specialist1")).ShouldContain(id);
        (await WorkloadAsync("hy.leader", "hy.specialist1")).Open.ShouldBe(before.Open + 1);
        (await _api.Db(db => db.DossierEvents.CountAsync(e => e.DossierId == id && e.Kind == "Rerouted" && e.Receiver == "hy.specialist1"))).ShouldBe(1);
    }

    private async Task<Api.Ui.SpecialistLoad> WorkloadAsync(string leader, string specialist)
    {
        await using var scope = _api.Factory.Services.CreateAsyncScope();
        return (await Api.Ui.LeaderDesk.LoadAsync(scope.ServiceProvider, leader)).Value!.Workload.Single(w => w.UserName == specialist);
    }

    private async Task<List<Guid>> MineAsync(string official)
    {
        var page = await (await (await _api.As(official)).GetAsync("/api/v1/inbox/mine?pageSize=200")).Expect(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dossierId").GetGuid()).ToList();
    }

    private async Task<Guid> ReceiveAtHamYenAsync(string name, string procedureCode = Dossiers.Procedure)
    {
        var (procedure, required) = await _api.ProcedureAsync(procedureCode);
        var body = new
        {
            receivingUnitId = await _api.UnitAsync(SampleProvince.HamYenShop), procedureId = procedure,
            applicant = new { fullName = name, idNumber = "001085012345", phone = "0911000009", address = "Thôn 2, xã Hàm Yên" },
            documents = required.Select(d => new { procedureDocumentId = d }).ToArray(),
        };
        var receipt = await (await (await _api.As("hy.clerk")).Post("/api/v1/dossiers", body)).Expect(HttpStatusCode.Created);
        return receipt.GetProperty("dossierId").GetGuid();
    }
}
