using Api.Ui;
using Api.Ui.Admin;
using Api.Ui.Components.Shared;
using Bunit;
using Procedures.Organisation;

namespace Ui.Components.Tests;

/// <summary>The leader's direction form and the admin's responsibility form: every problem shown at once, next to its field, before any use case runs.</summary>
public sealed class When_a_direction_or_a_responsibility_is_filled_in
{
    private static readonly DateOnly Today = new(2026, 3, 3);
    private static readonly UnitChoice Economy = new(Guid.NewGuid(), "Phòng Kinh tế xã Yên Sơn");
    private static readonly UnitOfficialView Specialist = new(Guid.NewGuid(), "ys.economy.specialist", "Vũ Đức Thắng", null, null, null, true,
        Guid.NewGuid(), [Role.Specialist], new DateOnly(2020, 1, 1), null, null);


    [Test]
    public async Task Should_show_every_missing_field_of_a_direction_at_once_and_send_nothing()
    {
        await using var context = Components.NewContext();
        var sent = new List<DirectionForm>();
        var cut = context.Render<DirectionPanel>(p => p.Add(x => x.Sections, [Economy]).Add(x => x.Specialists, [Specialist]).Add(x => x.Today, Today)
            .Add(x => x.OnSubmit, f => { sent.Add(f); return Task.FromResult<string?>(null); }));

        cut.Find("[data-testid=direction-send]").Click();

        cut.Markup.ShouldContain("Chọn một phòng, ban hoặc một chuyên viên (chỉ một).");
        cut.Markup.ShouldContain("Vui lòng nhập ý kiến chỉ đạo.");
        sent.ShouldBeEmpty();
    }

    [Test]
    public void Should_check_the_due_day_against_today_and_the_appointment()
    {
        var form = new DirectionForm { Specialist = "ys.economy.specialist", Instructions = "Xử lý", DueDate = new DateTime(2026, 3, 2) };
        form.Check(Today).Keys.ShouldBe(["dueDate"]);
        form.DueDate = new DateTime(2026, 3, 11);
        form.Check(Today, new DateOnly(2026, 3, 10))["dueDate"].ShouldBe("Hạn xử lý không được sau ngày hẹn trả kết quả.");
        form.DueDate = new DateTime(2026, 3, 10);
        form.Check(Today, new DateOnly(2026, 3, 10)).ShouldBeEmpty();
        form.DueAt.ShouldBe(new DateTimeOffset(2026, 3, 10, 17, 0, 0, TimeSpan.FromHours(7)));
        new DirectionForm { SectionId = Economy.Id, Specialist = "x", Instructions = new string('x', 2001) }.Check(Today).Keys.Order().ShouldBe(["instructions", "target"]);
    }

    [Test]
    public async Task Should_show_every_missing_field_of_a_responsibility_at_once_and_send_nothing()
    {
        await using var context = Components.NewContext();
        var sent = new List<ResponsibilityForm>();
        var cut = context.Render<ResponsibilityFormPanel>(p => p.Add(x => x.Sections, [Economy]).Add(x => x.Sectors, [new UnitChoice(Guid.NewGuid(), "Đất đai")])
            .Add(x => x.Today, Today).Add(x => x.OnSubmit, f => { sent.Add(f); return Task.FromResult<string?>(null); }));

        cut.Find("[data-testid=charge-send]").Click();

        cut.Markup.ShouldContain("Chọn phòng, ban được giao phụ trách.");
        cut.Markup.ShouldContain("Chọn lĩnh vực.");
        sent.ShouldBeEmpty();
    }

    [Test]
    public void Should_refuse_a_past_start_an_end_before_the_start_and_a_long_note_together()
    {
        var form = new ResponsibilityForm
        {
            BySection = false, Official = "ys.deputy", BySector = false, ProcedureId = Guid.NewGuid(),
            From = new DateTime(2026, 3, 2), To = new DateTime(2026, 3, 1), Note = new string('x', 501),
        };
        form.Check(Today).Keys.Order().ShouldBe(["from", "note", "to"]);
        var request = new ResponsibilityForm { SectionId = Economy.Id, SectorId = Guid.NewGuid(), Official = "ignored", Note = "  " }.ToRequest(Guid.Empty);
        (request.SectionId, request.Official, request.ProcedureId, request.Note).ShouldBe((Economy.Id, (string?)null, (Guid?)null, (string?)null));
    }
}
