using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Persistence;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>Marriage registration (Luật Hộ tịch 2014, Điều 18 khoản 2): the same day, up to 5 working days only when verification is needed.</summary>
public sealed class When_a_marriage_registration_needs_verification : WalkTest
{
    [Test]
    public async Task Should_give_a_same_day_appointment_and_return_the_certificate_that_day_without_verification()
    {
        Clock.Set(Vn(2026, 3, 3, 8, 30));
        var walk = await ReceiveAsync("marriage-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);
        var received = await Load(walk.Id);
        received.AppointmentAt!.Value.ToOffset(VietnameseCalendar.UtcOffset).Date.ShouldBe(new DateTime(2026, 3, 3));

        await walk.Submit("ys.specialist1", null, [DossierSteps.Sign]);
        await walk.Sign("ys.leader", DossierSteps.ReturnResult);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
        var returned = await Load(walk.Id);
        returned.ShouldSatisfyAllConditions(d => d.AppointmentAt.ShouldBe(received.AppointmentAt), d => d.Timeliness.ShouldNotBe(Timeliness.Late));
    }

    [Test]
    public async Task Should_move_the_appointment_to_five_working_days_after_reception_when_the_conditions_are_verified()
    {
        Clock.Set(Vn(2026, 3, 3, 9, 0));
        var walk = await ReceiveAsync("marriage-registration", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);
        var received = await Load(walk.Id);
        var fiveDays = Calendar.ComputeAppointment(received.ClockStartedAt!.Value, LegalTimeLimit.WorkingDays(5), Province.Unit(YenSonShop).ToString()).ToUniversalTime();
        received.AppointmentAt.ShouldNotBe(fiveDays);

        await walk.Complete("ys.specialist2", DossierSteps.Process, "verify", Fields(("verificationReason", "Xác minh tình trạng hôn nhân tại nơi cư trú trước")),
            [DossierSteps.Verify]);

        var verifying = await Load(walk.Id);
        verifying.ShouldSatisfyAllConditions(d => d.AppointmentAt.ShouldBe(fiveDays), d => d.OriginalAppointmentAt.ShouldBe(received.AppointmentAt));
        await using var scope = NewScope();
        var step = await scope.ServiceProvider.GetRequiredService<ProceduresDb>().DossierEvents.AsNoTracking()
            .Where(e => e.DossierId == walk.Id && e.Kind == "StepCompleted").SingleAsync();
        using var data = JsonDocument.Parse(step.Data!);
        data.RootElement.GetProperty("verification").GetProperty("appointmentAt").GetDateTimeOffset().ShouldBe(fiveDays);
    }

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
