using Procedures.Common;
using Procedures.Quality;
using Procedures.Tests.Dossiers;
using Procedures.Tests.Statistics;

namespace Procedures.Tests.Quality;

public sealed class NonconformityTests : QualityTest
{
    private static readonly DateOnly May29 = new(2026, 5, 29);

    [Test]
    public async Task A_nonconformity_goes_from_open_through_a_verified_action_to_closed()
    {
        var nc = (await Raise(new RaiseNonconformity(Org.CommuneB, NonconformitySource.Complaint, "Công dân phản ánh bị hẹn lại nhiều lần", "PA-12"))).Ok();
        (nc.Number, nc.Status).ShouldBe(("KPH-2026-001", NonconformityStatus.Open));

        (await Correct(new PlanCorrectiveAction(nc.Id, "Không theo dõi hạn", "Bật nhắc hạn", "spec.b", new DateOnly(2026, 5, 1)))).Fails(ErrorKind.Invalid, "dueOn");
        (await Correct(new PlanCorrectiveAction(nc.Id, "Không theo dõi hạn", "Bật nhắc hạn hằng ngày", StatisticsOrg.SpecialistB, May29))).Ok()
            .Status.ShouldBe(NonconformityStatus.ActionPlanned);
        (await Run<CorrectNonconformityHandler, NonconformityView>(h => h.HandleAsync(Org.ActorFor(Org.CommuneB, StatisticsOrg.SpecialistB, Procedures.Organisation.Role.SectionHead),
            new VerifyCorrectiveAction(nc.Id, true, "Đã làm")))).Fails(ErrorKind.Forbidden);
        (await Correct(new VerifyCorrectiveAction(nc.Id, false, "Vẫn còn hồ sơ bị hẹn lại"))).Ok().Status.ShouldBe(NonconformityStatus.Open);
        (await Correct(new CloseNonconformity(nc.Id))).Fails(ErrorKind.Conflict);
        (await Correct(new PlanCorrectiveAction(nc.Id, "Không theo dõi hạn", "Giao lãnh đạo rà soát hằng tuần", StatisticsOrg.SpecialistB, May29))).Ok();
        (await Correct(new VerifyCorrectiveAction(nc.Id, true, "Không còn hồ sơ quá hạn"))).Ok().Status.ShouldBe(NonconformityStatus.Verified);
        var closed = (await Correct(new CloseNonconformity(nc.Id))).Ok();
        (closed.Status, closed.ClosedBy, closed.VerifiedBy).ShouldBe((NonconformityStatus.Closed, StatisticsOrg.Leader, StatisticsOrg.Leader));
        (await Correct(new CloseNonconformity(nc.Id))).Fails(ErrorKind.Conflict);
        (await Raise(new RaiseNonconformity(Org.CommuneB, NonconformitySource.Other, "Thứ hai"))).Ok().Number.ShouldBe("KPH-2026-002");
    }

    [Test]
    public async Task Overdue_dossiers_raise_one_nonconformity_each_against_the_unit_that_caused_the_delay()
    {
        var raised = (await RaiseOverdue()).Ok();
        // Late in the period: d3 (the apology names the department), d6; still overdue now: d4, d7. d14 is due tonight.
        // Numbered per unit in the order the dossiers were received.
        raised.Select(n => (n.DossierId, n.UnitId, n.Number)).ShouldBe(
        [
            (Dossiers["d7"], Org.Department, "KPH-2026-001"), (Dossiers["d3"], Org.Department, "KPH-2026-002"),
            (Dossiers["d6"], Org.CommuneB, "KPH-2026-001"), (Dossiers["d4"], Org.CommuneB, "KPH-2026-002"),
        ], ignoreOrder: true);
        raised.ShouldAllBe(n => n.Source == NonconformitySource.OverdueDossier && n.SourceRef != null);
        (await RaiseOverdue()).Ok().ShouldBeEmpty();
    }

    [Test]
    public async Task The_list_is_searchable_by_text_status_and_overdue_and_stays_in_the_actor_branch()
    {
        await RaiseOverdue();
        var nc = (await Raise(new RaiseNonconformity(Org.CommuneB, NonconformitySource.Complaint, "Thái độ phục vụ chưa tốt", DueOn: new DateOnly(2026, 5, 25)))).Ok();
        (await Correct(new PlanCorrectiveAction(nc.Id, "Thiếu nhắc nhở", "Họp rút kinh nghiệm", "Đỗ Thị Bảo", new DateOnly(2026, 5, 20)))).Ok();

        (await Search(Leader, new SearchNonconformities(Org.Province))).Ok().Count.ShouldBe(5);
        (await Search(Leader, new SearchNonconformities(Org.Province, Text: "thái độ"))).Ok().Single().Id.ShouldBe(nc.Id);
        (await Search(Leader, new SearchNonconformities(Org.Province, Source: NonconformitySource.OverdueDossier))).Ok().Count.ShouldBe(4);
        (await Search(Leader, new SearchNonconformities(Org.Province, Status: NonconformityStatus.ActionPlanned))).Ok().Single().Id.ShouldBe(nc.Id);
        Clock.Set(KnownDossiers.Vn(5, 21, 9));
        (await Search(Leader, new SearchNonconformities(Org.Province, OverdueOnly: true))).Ok().Single().Id.ShouldBe(nc.Id);
        (await Search(LeaderB, new SearchNonconformities(Org.CommuneB))).Ok().Count.ShouldBe(3);
        (await Search(LeaderB, new SearchNonconformities(Org.Department))).Fails(ErrorKind.NotFound, "unitId");
    }

    [Test]
    public async Task Only_the_people_who_answer_for_quality_record_nonconformities()
    {
        (await Run<RaiseNonconformityHandler, NonconformityView>(h => h.HandleAsync(Specialist,
            new RaiseNonconformity(Org.CommuneB, NonconformitySource.Other, "x")))).Fails(ErrorKind.Forbidden);
        (await Run<RaiseNonconformityHandler, NonconformityView>(h => h.HandleAsync(LeaderB,
            new RaiseNonconformity(Org.CommuneB, NonconformitySource.Other, " ")))).Fails(ErrorKind.Invalid, "description");
        (await Run<RaiseNonconformityHandler, NonconformityView>(h => h.HandleAsync(LeaderB,
            new RaiseNonconformity(Org.CommuneB, NonconformitySource.Other, "Sai sót in phiếu hẹn")))).Ok();
    }

    private Task<DomainResult<NonconformityView>> Raise(RaiseNonconformity request) =>
        Run<RaiseNonconformityHandler, NonconformityView>(h => h.HandleAsync(Leader, request));

    private Task<DomainResult<NonconformityView>> Correct(PlanCorrectiveAction request) =>
        Run<CorrectNonconformityHandler, NonconformityView>(h => h.HandleAsync(Leader, request));

    private Task<DomainResult<NonconformityView>> Correct(VerifyCorrectiveAction request) =>
        Run<CorrectNonconformityHandler, NonconformityView>(h => h.HandleAsync(Leader, request));

    private Task<DomainResult<NonconformityView>> Correct(CloseNonconformity request) =>
        Run<CorrectNonconformityHandler, NonconformityView>(h => h.HandleAsync(Leader, request));

    private Task<DomainResult<IReadOnlyList<NonconformityView>>> RaiseOverdue() =>
        Run<RaiseOverdueNonconformitiesHandler, IReadOnlyList<NonconformityView>>(h => h.HandleAsync(Leader,
            new RaiseOverdueNonconformities(Org.Province, KnownDossiers.From, KnownDossiers.To)));

    private Task<DomainResult<IReadOnlyList<NonconformityView>>> Search(Procedures.Organisation.Actor actor, SearchNonconformities request) =>
        Run<QualityRecordSearch, IReadOnlyList<NonconformityView>>(h => h.HandleAsync(actor, request));
}
