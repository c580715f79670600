using Api.Ui;
using Api.Ui.Components.Shared;
using Bunit;
using Engine.Definitions;

namespace Ui.Components.Tests;

/// <summary>The workflow diagram of the dossier page: layers from the start step, loops marked, the open step highlighted.</summary>
public sealed class When_a_workflow_is_drawn
{
    // The shape of the procedure workflows: receive → (supplement loop) → process → sign → done, plus a refusal end.
    private const string Yaml = """
        id: sample
        version: 1
        title: Mẫu
        legalLimit: 5d
        steps:
          - id: receive
            kind: human
            title: Tiếp nhận hồ sơ
            role: clerk
            budget: 0.5d
            actions:
              - name: accept
                to: process
              - name: request-supplement
                to: await-supplement
              - name: refuse
                to: refused
          - id: await-supplement
            kind: human
            title: Chờ bổ sung
            role: clerk
            budget: 2d
            actions:
              - name: supplement-received
                to: receive
          - id: process
            kind: human
            title: Thẩm định
            role: specialist
            budget: 2d
            actions:
              - name: submit
                to: sign
          - id: sign
            kind: human
            title: Ký duyệt
            role: unit-leader
            budget: 1d
            actions:
              - name: sign
                to: done
          - id: done
            kind: end
            outcome: approved
          - id: refused
            kind: end
            outcome: refused
        """;

    private static WorkflowDefinition Definition()
    {
        var parsed = DefinitionYaml.Parse(Yaml);
        parsed.Problems.ShouldBeEmpty();
        return parsed.Definition!;
    }

    [Test]
    public void Should_put_each_step_one_layer_below_the_first_step_that_reaches_it()
    {
        var diagram = DiagramLayout.Compute(Definition());
        var layer = diagram.Nodes.ToDictionary(n => n.Id, n => n.Layer);
        layer["receive"].ShouldBe(0);
        layer["await-supplement"].ShouldBe(1);
        layer["process"].ShouldBe(1);
        layer["refused"].ShouldBe(1);
        layer["sign"].ShouldBe(2);
        layer["done"].ShouldBe(3);
    }

    [Test]
    public void Should_place_steps_of_a_layer_side_by_side_and_layers_top_to_bottom()
    {
        var nodes = DiagramLayout.Compute(Definition()).Nodes.ToDictionary(n => n.Id);
        var second = new[] { nodes["await-supplement"], nodes["process"], nodes["refused"] };
        second.Select(n => n.Y).Distinct().Count().ShouldBe(1);
        second.Select(n => n.X).Distinct().Count().ShouldBe(3);
        second.Select(n => n.Column).OrderBy(c => c).ShouldBe([0, 1, 2]);
        nodes["receive"].Y.ShouldBe(DiagramLayout.Margin);
        nodes["sign"].Y.ShouldBe(DiagramLayout.Margin + 2 * (DiagramLayout.NodeHeight + DiagramLayout.LayerGap));
        nodes["process"].X.ShouldBe(DiagramLayout.Margin + nodes["process"].Column * (DiagramLayout.NodeWidth + DiagramLayout.ColumnGap));
    }

    [Test]
    public void Should_mark_the_supplement_loop_as_going_backwards_and_the_main_path_forwards()
    {
        var edges = DiagramLayout.Compute(Definition()).Edges;
        edges.Single(e => e.From == "await-supplement" && e.To == "receive").Backwards.ShouldBeTrue();
        edges.Single(e => e.From == "receive" && e.To == "process").Backwards.ShouldBeFalse();
        edges.Single(e => e.From == "sign" && e.To == "done").Backwards.ShouldBeFalse();
    }

    [Test]
    public void Should_show_an_unreachable_step_in_a_last_layer()
    {
        var definition = DefinitionYaml.Parse(Yaml + """

              - id: forgotten
                kind: end
                outcome: approved
            """).Definition!;
        var nodes = DiagramLayout.Compute(definition).Nodes.ToDictionary(n => n.Id);
        nodes["forgotten"].Layer.ShouldBe(nodes["done"].Layer + 1);
    }

    [Test]
    public async Task Should_highlight_the_current_step_and_shade_the_steps_passed()
    {
        await using var context = Components.NewContext();
        var cut = context.Render<WorkflowDiagram>(p => p
            .Add(x => x.Definition, Definition())
            .Add(x => x.Current, new HashSet<string> { "process" })
            .Add(x => x.Done, new HashSet<string> { "receive" }));
        cut.Find("g[data-step=process]").ClassList.ShouldContain("current");
        cut.Find("g[data-step=process]").GetAttribute("data-current").ShouldBe("true");
        cut.Find("g[data-step=receive]").ClassList.ShouldContain("done");
        cut.Find("g[data-step=sign]").ClassList.ShouldNotContain("current");
        cut.FindAll("g.current").Count.ShouldBe(1);
        cut.FindAll("path.edge[stroke-dasharray]").Count.ShouldBe(1); // the supplement loop only
    }

    [Test]
    public async Task Should_say_so_when_there_is_no_workflow()
    {
        await using var context = Components.NewContext();
        var cut = context.Render<WorkflowDiagram>(p => p.Add(x => x.Definition, null));
        cut.FindAll("[data-testid=workflow-diagram]").ShouldBeEmpty();
        cut.Find("[role=status]").TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Test]
    public void Should_wrap_a_long_title_into_lines_that_fit_the_box_without_cutting_words()
    {
        var lines = DiagramLayout.Wrap("Thẩm định hồ sơ và đề xuất phương án giải quyết");
        lines.Count.ShouldBeLessThanOrEqualTo(DiagramLayout.MaxLines);
        lines.ShouldAllBe(l => l.Length <= DiagramLayout.LineChars);
        string.Join(" ", lines).ShouldStartWith("Thẩm định hồ sơ và đề xuất");
        DiagramLayout.Wrap("Ký duyệt").ShouldBe(["Ký duyệt"]);
    }

    [Test]
    public void Should_end_a_title_too_long_for_three_lines_with_an_ellipsis_and_keep_it_whole_in_the_tooltip()
    {
        var title = string.Join(" ", Enumerable.Repeat("Phòng Tư pháp", 8));
        var lines = DiagramLayout.Wrap(title);
        lines.Count.ShouldBe(DiagramLayout.MaxLines);
        lines[^1].ShouldEndWith("…");
    }

    [Test]
    public void Should_fit_two_boxes_of_a_layer_on_a_390_px_phone_without_scrolling()
    {
        // 390 px less the page's and the card's padding leaves about 340 px.
        (2 * DiagramLayout.NodeWidth + DiagramLayout.ColumnGap + 2 * DiagramLayout.Margin).ShouldBeLessThanOrEqualTo(340);
    }

    [Test]
    public async Task Should_draw_every_line_of_a_title_at_full_size_and_mark_the_path_taken()
    {
        await using var context = Components.NewContext();
        var definition = Definition();
        var cut = context.Render<WorkflowDiagram>(p => p
            .Add(x => x.Definition, definition)
            .Add(x => x.Current, new HashSet<string> { "sign" })
            .Add(x => x.Done, new HashSet<string> { "receive", "process" }));
        cut.Find("g[data-step=receive] text").TextContent.ShouldContain("Tiếp nhận hồ sơ");
        cut.Find("g[data-step=receive] title").TextContent.ShouldBe("Tiếp nhận hồ sơ");
        var taken = cut.FindAll("path.edge.taken");
        taken.Count.ShouldBe(2); // receive → process → sign
        var svg = cut.Find("div.diagram > svg");
        var width = double.Parse(svg.GetAttribute("width")!, System.Globalization.CultureInfo.InvariantCulture);
        width.ShouldBe(DiagramLayout.Compute(definition).Width);
        svg.GetAttribute("aria-label")!.ShouldContain("Bước đang xử lý: Ký duyệt");
    }

    [Test]
    public async Task Should_zoom_in_and_out_within_limits()
    {
        await using var context = Components.NewContext();
        var cut = context.Render<WorkflowDiagram>(p => p.Add(x => x.Definition, Definition()));
        cut.Find("[data-testid=diagram-scale]").TextContent.ShouldBe("100 %");
        cut.Find("[data-testid=diagram-zoom-in] button, button[data-testid=diagram-zoom-in]").Click();
        cut.Find("[data-testid=diagram-scale]").TextContent.ShouldBe("120 %");
        for (var i = 0; i < 10; i++)
            if (cut.FindAll("button[data-testid=diagram-zoom-out]:not([disabled]), [data-testid=diagram-zoom-out] button:not([disabled])").FirstOrDefault() is { } b) b.Click();
        cut.Find("[data-testid=diagram-scale]").TextContent.ShouldBe("80 %");
    }
}
