using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_library_dossier_is_refused : WalkTest
{
    [Test]
    public async Task Should_not_accept_a_certified_copy_without_the_original_and_still_give_it_a_code()
    {
        var (walk, receipt) = await CounterAsync("certified-copy", YenSonShop, "ys.clerk", ReceptionDecision.Refuse, [], copies: 1, pages: 2,
            reason: "Người yêu cầu không xuất trình được bản chính để đối chiếu");

        receipt.ShouldSatisfyAllConditions(r => r.Code.ShouldStartWith($"{YenSonShop}-260303-"), r => r.AppointmentAt.ShouldBeNull());
        (await Load(walk.Id)).Result.ShouldBe(DossierResult.Refused);
        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/refused");
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_not_accept_an_online_birth_registration_checked_by_the_clerk()
    {
        var procedure = Province.Procedure("birth-registration");
        var walk = new DossierWalk(Services, Clock, Province);
        await walk.SubmitOnlineAsync(new SubmitOnline(Guid.NewGuid(), Province.Unit(HamYenShop), procedure.Id, Applicant("Hoàng Thị Mai"), AllRequired(procedure)));

        await walk.ReceiveOnlineAsync("hy.clerk", ReceptionDecision.Refuse, "Cha, mẹ của trẻ không cư trú trên địa bàn xã Hàm Yên", []);

        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/refused");
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_stop_a_household_business_found_ineligible_at_appraisal()
    {
        var walk = await ReceiveAsync("household-business-registration", HamYenShop, "hy.clerk", next: [DossierSteps.Assign]);
        await walk.Assign("hy.economy.section-head", "hy.economy.specialist", DossierSteps.Process);

        await walk.Refuse("hy.economy.specialist", "Ngành, nghề đăng ký thuộc danh mục cấm đầu tư kinh doanh", DossierStatus.Stopped);

        (await Load(walk.Id)).ShouldSatisfyAllConditions(d => d.Result.ShouldBe(DossierResult.Refused), d => d.FinishedAt.ShouldBe(Clock.GetUtcNow()));
        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/refused");
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_stop_a_construction_permit_whose_refusal_the_chairman_signs()
    {
        var walk = await ReceiveAsync("construction-permit-house", YenSonShop, "ys.clerk", next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromDays(1);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        await walk.Submit("ys.economy.specialist", Fields(("siteInspectionMinutes", "Biên bản kiểm tra hiện trạng"),
            ("appraisalReport", "Công trình vi phạm chỉ giới xây dựng")), [DossierSteps.Review]);
        await walk.Approve("ys.economy.section-head", DossierSteps.Sign);

        await walk.Refuse("ys.leader", "Công trình vi phạm chỉ giới xây dựng theo quy hoạch", DossierStatus.Stopped);

        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/refused");
        await walk.ShouldHaveRecordedEachUseCase();
        (await walk.Try<ReturnResultHandler>(h => h.HandleAsync(new ReturnResult(walk.Id, "ys.clerk", Procedures.Catalogue.Channel.Counter))))
            .Fails(ErrorKind.Invalid, "action");
    }
}
