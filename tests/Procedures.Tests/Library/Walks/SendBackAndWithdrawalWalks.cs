using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_construction_permit_is_sent_back : WalkTest
{
    [Test]
    public async Task Should_go_back_to_the_specialist_from_review_and_from_signature_and_still_be_returned()
    {
        var walk = await ReceiveAsync("construction-permit-house", HamYenShop, "hy.clerk", next: [DossierSteps.Assign]);
        walk.Pace = TimeSpan.FromDays(1);
        var appraisal = Fields(("siteInspectionMinutes", "Biên bản kiểm tra hiện trạng"), ("appraisalReport", "Đủ điều kiện cấp phép"));
        await walk.Assign("hy.economy.section-head", "hy.economy.specialist", DossierSteps.Process);
        await walk.Submit("hy.economy.specialist", appraisal, [DossierSteps.Review]);

        await walk.SendBack("hy.economy.section-head", "Bổ sung đánh giá khoảng lùi so với chỉ giới đường đỏ", DossierSteps.Process);
        await walk.Submit("hy.economy.specialist", appraisal, [DossierSteps.Review]);
        await walk.Approve("hy.economy.section-head", DossierSteps.Sign);
        await walk.SendBack("hy.leader", "Làm rõ chiều cao tầng 1 theo quy chuẩn", DossierSteps.Process);
        await walk.Submit("hy.economy.specialist", appraisal, [DossierSteps.Review]);
        await walk.Approve("hy.economy.section-head", DossierSteps.Sign);
        await walk.Sign("hy.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }
}

public sealed class When_the_citizen_withdraws_a_library_dossier : WalkTest
{
    [Test]
    public async Task Should_let_the_assigned_officer_withdraw_a_temporary_residence_at_the_appraisal()
    {
        var walk = await ReceiveAsync("temporary-residence-registration", YenSonShop, "ys.clerk", processingUnit: YenSonPolice, next: [DossierSteps.Assign]);
        await walk.Assign("ys.police.section-head", "ys.police.officer", DossierSteps.Process);

        await walk.Withdraw("ys.police.officer", "Công dân chuyển đi nơi khác, đề nghị rút hồ sơ");

        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/withdrawn");
        (await Load(walk.Id)).Result.ShouldBe(DossierResult.Withdrawn);
        await walk.ShouldHaveRecordedEachUseCase();
    }

    [Test]
    public async Task Should_let_the_clerk_cancel_a_household_business_under_review_but_not_once_signed()
    {
        var walk = await ReceiveAsync("household-business-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Assign]);
        await walk.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        await walk.Submit("ys.economy.specialist", Fields(("registrationNumber", "08A8009999")), [DossierSteps.Review]);

        await walk.Withdraw("ys.clerk", "Người thành lập hộ kinh doanh đề nghị rút hồ sơ");

        (await InstanceOutcome(walk.Id)).ShouldBe("Cancelled/");
        await walk.ShouldHaveRecordedEachUseCase();
        var signed = await ReceiveAsync("household-business-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Assign]);
        await signed.Assign("ys.economy.section-head", "ys.economy.specialist", DossierSteps.Process);
        await signed.Submit("ys.economy.specialist", Fields(("registrationNumber", "08A8009998")), [DossierSteps.Review]);
        await signed.Approve("ys.economy.section-head", DossierSteps.Sign);
        await signed.Sign("ys.leader", DossierSteps.ReturnResult);
        (await signed.Try<WithdrawDossierHandler>(h => h.HandleAsync(new WithdrawDossier(signed.Id, "ys.clerk", "Đổi ý"))))
            .Fails(ErrorKind.Conflict).Code.ShouldBe("dossier-closed");
    }
}
