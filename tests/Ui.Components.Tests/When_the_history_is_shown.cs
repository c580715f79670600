using Api.Ui.Components.Shared;
using Bunit;
using Procedures.Dossiers;

namespace Ui.Components.Tests;

/// <summary>The dossier's history (Form 05) on the dossier page: in time order, each hand-off marked early, on time or late.</summary>
public sealed class When_the_history_is_shown
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero); // 08:00 in Vietnam

    private static EventView Event(long id, int hours, string comment, Timeliness? timeliness) =>
        new(id, Monday.AddHours(hours), "Note", "someone", "Nguyễn Văn Cán Bộ", null, null, null, "process", comment, null, timeliness, null);

    [Test]
    public async Task Should_list_events_oldest_first_whatever_order_they_come_in()
    {
        await using var context = Components.NewContext();
        var cut = context.Render<Timeline>(p => p.Add(x => x.Events, new[]
        {
            Event(3, 5, "thứ ba", null), Event(1, 1, "thứ nhất", null), Event(2, 1, "thứ hai", null),
        }));
        var comments = cut.FindAll("em").Select(e => e.TextContent).ToList();
        comments.ShouldBe(["thứ nhất", "thứ hai", "thứ ba"]);
        cut.Markup.ShouldContain("02/03/2026 09:00"); // dd/MM/yyyy in Vietnam time
    }

    [Test]
    public async Task Should_mark_early_on_time_and_late_hand_offs_each_in_its_own_colour()
    {
        await using var context = Components.NewContext();
        var cut = context.Render<Timeline>(p => p.Add(x => x.Events, new[]
        {
            Event(1, 1, "a", Timeliness.Early), Event(2, 2, "b", Timeliness.OnTime), Event(3, 3, "c", Timeliness.Late), Event(4, 4, "d", null),
        }));
        var marks = cut.FindAll("[data-testid=timeliness]");
        marks.Select(m => m.TextContent.Trim()).ShouldBe(["Trước hạn", "Đúng hạn", "Quá hạn"]);
        marks[0].ClassList.ShouldContain("mud-chip-color-success");
        marks[1].ClassList.ShouldContain("mud-chip-color-info");
        marks[2].ClassList.ShouldContain("mud-chip-color-error");
    }

    [Test]
    public async Task Should_say_there_is_no_history_yet()
    {
        await using var context = Components.NewContext();
        var cut = context.Render<Timeline>(p => p.Add(x => x.Events, Array.Empty<EventView>()));
        cut.FindAll("[data-testid=timeline]").ShouldBeEmpty();
        cut.Find("[role=status]").TextContent.ShouldContain("Chưa có");
    }

    [Test]
    public async Task Should_name_the_step_by_its_title_and_never_by_its_internal_id()
    {
        await using var context = Components.NewContext();
        var titled = context.Render<Timeline>(p => p
            .Add(x => x.Events, new[] { Event(1, 1, "a", null) })
            .Add(x => x.StepTitles, new Dictionary<string, string> { ["process"] = "Thẩm định hồ sơ" }));
        titled.Find("[data-testid=event-step]").TextContent.ShouldBe(" (Thẩm định hồ sơ)");
        titled.Markup.ShouldNotContain("(process)");

        var untitled = context.Render<Timeline>(p => p.Add(x => x.Events, new[] { Event(1, 1, "a", null) }));
        untitled.FindAll("[data-testid=event-step]").ShouldBeEmpty();
        untitled.Markup.ShouldNotContain("process");
    }
}
