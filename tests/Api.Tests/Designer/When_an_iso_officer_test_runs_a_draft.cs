using Api.Ui.Designer;
using Procedures.Calendar;

namespace Api.Tests.Designer;

/// <summary>The test run walks a draft on the working calendar: weekends do not count, the author picks the routes, nothing is stored.</summary>
public sealed class When_an_iso_officer_test_runs_a_draft
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 12, 4, 14, 0, 0, Vietnam);
    private readonly VietnameseCalendar _calendar = new();

    [Test]
    public void Should_give_each_step_a_due_time_on_working_days_and_the_appointment()
    {
        var definition = Drawn.FiveSteps().Save();

        var run = DesignerTrial.Run(definition, FridayAfternoon, new Dictionary<string, string>(), _calendar, _calendar, null);

        run.Steps.Select(s => s.StepId).ShouldBe(["receive", "consult-1", "tax", "ward", "join-1", "decide", "hand-over", "end-1"]);
        var receive = run.Steps[0];
        receive.Start.ShouldBe(FridayAfternoon);
        receive.Due!.Value.ToOffset(Vietnam).DayOfWeek.ShouldBe(DayOfWeek.Monday);
        foreach (var step in run.Steps.Where(s => s.Due is not null))
        {
            step.Due!.Value.ToOffset(Vietnam).DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
            step.Due.Value.ShouldBeGreaterThan(step.Start);
        }
        // The slower branch decides when the consultation is over.
        var tax = run.Steps.Single(s => s.StepId == "tax");
        run.Steps.Single(s => s.StepId == "decide").Start.ShouldBe(tax.Due!.Value);
        tax.Branch.ShouldBe("branch");
        run.Outcome.ShouldBe("approved");
        // Five working days from a Friday afternoon: the Friday after, at closing time.
        run.Appointment.ShouldBe(new DateTimeOffset(2026, 12, 11, 17, 0, 0, Vietnam));
        run.FinishedAt.ShouldBe(run.Steps.Single(s => s.StepId == "hand-over").Due!.Value);
        run.WithinAppointment.ShouldBeTrue();
    }

    [Test]
    public void Should_follow_the_route_chosen_at_a_decision()
    {
        var definition = Drawn.FiveSteps().Save();
        var refuse = definition.FindStep("decide")!.Actions[1].Name;

        var run = DesignerTrial.Run(definition, FridayAfternoon, new Dictionary<string, string> { ["decide"] = refuse }, _calendar, _calendar, null);

        run.Steps.Single(s => s.StepId == "decide").Route.ShouldBe(refuse);
        run.Steps.Select(s => s.StepId).ShouldNotContain("hand-over");
        run.Outcome.ShouldBe("refused");
    }

    [Test]
    public void Should_use_the_catalogue_limit_for_the_appointment_when_there_is_one()
    {
        var definition = Drawn.FiveSteps().Save();

        var run = DesignerTrial.Run(definition, FridayAfternoon, new Dictionary<string, string>(), _calendar, _calendar, LegalTimeLimit.WorkingDays(3));

        run.Appointment.ShouldBe(new DateTimeOffset(2026, 12, 9, 17, 0, 0, Vietnam));
        run.WithinAppointment.ShouldBeFalse();
    }

    [Test]
    public void Should_stop_a_walk_that_goes_round_a_loop()
    {
        var model = Drawn.FiveSteps();
        DesignerEdits.Connect(model, "hand-over", "receive");
        var definition = model.Save();
        var back = definition.FindStep("hand-over")!.Actions[1].Name;

        var run = DesignerTrial.Run(definition, FridayAfternoon, new Dictionary<string, string> { ["hand-over"] = back }, _calendar, _calendar, null);

        run.Cut.ShouldBeTrue();
        run.Outcome.ShouldBeNull();
    }
}
