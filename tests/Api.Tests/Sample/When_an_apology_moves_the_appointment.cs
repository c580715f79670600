using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Sample;

/// <summary>Form 04 may move the appointment later, but not beyond the legal maximum after the current one.</summary>
public sealed class When_an_apology_moves_the_appointment
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [TestCase("2199-12-31")]
    [TestCase("2200-01-06")]
    [TestCase("9999-12-31")]
    public async Task Should_refuse_a_new_date_too_far_after_the_appointment_and_change_nothing(string newDate)
    {
        var (id, _) = await Dossiers.ReceiveAsync(_api);
        var (unit, appointment) = await _api.Db(db => db.Dossiers.Where(d => d.Id == id).Select(d => new { d.ProcessingUnitId, d.AppointmentAt }).SingleAsync()) is var d
            ? (d.ProcessingUnitId, d.AppointmentAt) : default;

        var response = await (await _api.As("ys.leader")).Post($"/api/v1/dossiers/{id}/apology",
            new { reason = "Chờ xác minh thực địa", newAppointmentDate = newDate, delayUnitId = unit });

        var problem = await response.Expect(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("field").GetString().ShouldBe("newAppointmentDate");
        problem.GetProperty("code").GetString().ShouldBe("too-far");
        var after = await _api.Db(db => db.Dossiers.Where(x => x.Id == id).Select(x => new { x.AppointmentAt, x.ApologyAt }).SingleAsync());
        after.AppointmentAt.ShouldBe(appointment);
        after.ApologyAt.ShouldBeNull();
    }
}
