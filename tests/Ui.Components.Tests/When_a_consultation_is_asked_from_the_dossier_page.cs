using Api.Ui;
using Api.Ui.Components.Shared;
using Bunit;

namespace Ui.Components.Tests;

/// <summary>The consultation form: it shows the dossier's time left and sends the reason for a deadline past the appointment.</summary>
public sealed class When_a_consultation_is_asked_from_the_dossier_page
{
    private readonly List<ActionInput> _sent = [];

    [SetUp]
    public void NothingSentYet() => _sent.Clear();

    private static readonly DateTimeOffset Appointment = new(2026, 3, 17, 17, 0, 0, TimeSpan.FromHours(7));

    private IRenderedComponent<ActionPanel> Render(BunitContext context, decimal remaining) =>
        context.Render<ActionPanel>(p => p
            .Add(x => x.Action, new AvailableAction("request-verification", "Đề nghị xác minh", "process", [], true,
                AppointmentAt: Appointment, RemainingDays: remaining) { IsConsultation = true })
            .Add(x => x.OnSubmit, input => { _sent.Add(input); return Task.FromResult<string?>(null); }));

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ActionPanel> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input:not([type=hidden]), textarea")!;
    }

    [Test]
    public async Task Should_show_the_working_days_left_and_send_the_subject_and_the_reason_as_a_consultation()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, 1.5m);

        cut.Find("[data-testid=dossier-remaining]").TextContent.ShouldContain("Thời hạn còn lại của hồ sơ: 1,5 ngày làm việc (hẹn trả 17/03/2026 17:00)");
        Field(cut, "action-comment").Change("Xác minh án tích");
        Field(cut, "late-deadline-reason").Change("Công an cần 3 ngày làm việc theo quy chế phối hợp");
        cut.Find("[data-testid=action-go]").Click();

        var sent = _sent.Single();
        (sent.Name, sent.Comment, sent.IsConsultation).ShouldBe(("request-verification", "Xác minh án tích", true));
        sent.LateDeadlineReason.ShouldBe("Công an cần 3 ngày làm việc theo quy chế phối hợp");
    }

    [Test]
    public async Task Should_say_when_the_dossier_is_already_overdue_and_send_no_reason_when_none_is_typed()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, -0.5m);

        cut.Find("[data-testid=dossier-remaining]").TextContent.ShouldContain("Hồ sơ đã quá hạn (hẹn trả 17/03/2026 17:00)");
        Field(cut, "action-comment").Change("Xác minh án tích");
        cut.Find("[data-testid=action-go]").Click();

        _sent.Single().LateDeadlineReason.ShouldBeNull();
    }
}
