using Procedures.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

public sealed class When_a_marriage_registration_needs_verification : WalkTest
{
    [Test]
    public async Task Should_verify_the_conditions_then_sign_and_return_within_five_working_days()
    {
        var walk = await ReceiveAsync("marriage-registration", HamYenShop, "hy.clerk", next: [DossierSteps.Process]);
        walk.Pace = TimeSpan.FromDays(1);

        await walk.Complete("hy.specialist1", DossierSteps.Process, "verify",
            Fields(("verificationReason", "Cần xác minh tình trạng hôn nhân tại nơi cư trú trước")), [DossierSteps.Verify]);
        await walk.Complete("hy.specialist1", DossierSteps.Verify, "submit", Fields(("verificationResult", "Chưa đăng ký kết hôn với ai")),
            [DossierSteps.Sign]);
        await walk.Sign("hy.leader", DossierSteps.ReturnResult);
        await walk.Return("hy.clerk");

        await ShouldBeReturnedAndArchived(walk);
        (await Load(walk.Id)).Timeliness.ShouldNotBe(Timeliness.Late);
    }

    [Test]
    public async Task Should_stop_the_marriage_refused_after_verification()
    {
        var walk = await ReceiveAsync("marriage-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);
        await walk.Complete("ys.specialist2", DossierSteps.Process, "verify", Fields(("verificationReason", "Xác minh tình trạng hôn nhân")), [DossierSteps.Verify]);

        await walk.Refuse("ys.specialist2", "Một bên đang có vợ theo kết quả xác minh", DossierStatus.Stopped);

        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/refused");
        await walk.ShouldHaveRecordedEachUseCase();
    }
}
