using Api.Ui;
using Api.Ui.Designer;
using Engine.Definitions;

namespace Api.Tests.Designer;

/// <summary>Same definition, two faces: every procedure of the library opened in the designer and saved again is the same procedure.</summary>
public sealed class When_a_library_definition_is_opened_in_the_designer
{
    private static IEnumerable<TestCaseData> Library() =>
        DesignerLibrary.Files().Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(f)!)!, f)));

    [Test]
    public void Should_find_the_library() => DesignerLibrary.Files().Count().ShouldBeGreaterThanOrEqualTo(16);

    [TestCaseSource(nameof(Library))]
    public void Should_save_the_same_definition_with_only_a_layout_added(string file)
    {
        var original = DesignerLibrary.Read(file);
        var saved = DesignerModel.Open(original).Save();

        DefinitionDiff.Compare(original, saved).ShouldBeEmpty();
        Problems(saved).ShouldBe(Problems(original));
        Graph(saved).ShouldBe(Graph(original));
        saved.Layout.Keys.ShouldBe(original.Steps.Select(s => s.Id), ignoreOrder: true);

        // The YAML is the file's, written canonically, with the layout block at its end and nothing else.
        var yaml = DefinitionYaml.ToYaml(saved);
        saved.Layout = [];
        DefinitionYaml.ToYaml(saved).ShouldBe(DefinitionYaml.ToYaml(original));
        yaml.ShouldContain("\nlayout:\n");
        DefinitionYaml.ToYaml(original).ShouldNotContain("layout:");
    }

    [TestCaseSource(nameof(Library))]
    public void Should_read_back_the_positions_it_saved(string file)
    {
        var model = DesignerModel.Open(DesignerLibrary.Read(file));
        model.Nodes[0].X = 333;
        model.Nodes[0].Y = 444.4;
        var parsed = DefinitionYaml.ParseAndValidate(DefinitionYaml.ToYaml(model.Save()), DesignerLibrary.Product);

        parsed.Problems.ShouldBeEmpty();
        var reopened = DesignerModel.Open(parsed.Definition!);
        reopened.Nodes[0].X.ShouldBe(333);
        reopened.Nodes[0].Y.ShouldBe(444);
        reopened.Nodes.Skip(1).Select(n => (n.Id, n.X, n.Y)).ShouldBe(model.Nodes.Skip(1).Select(n => (n.Id, Math.Round(n.X), Math.Round(n.Y))));
    }

    [Test]
    public void Should_lay_out_a_definition_without_positions_as_the_read_only_diagram_does()
    {
        var definition = DesignerLibrary.Read(DesignerLibrary.Files().First(f => f.Contains("household-business-registration", StringComparison.Ordinal)));
        var diagram = DiagramLayout.Compute(definition);

        var model = DesignerModel.Open(definition);

        model.Nodes.Select(n => (n.Id, n.X, n.Y)).ShouldBe(diagram.Nodes.Select(n => (n.Id, n.X, n.Y)), ignoreOrder: true);
    }

    private static List<string> Problems(WorkflowDefinition d) =>
        DefinitionValidator.Validate(d, DesignerLibrary.Product).Select(p => p.ToString()).ToList();

    [TestCaseSource(nameof(Library))]
    public void Should_draw_every_route_the_definition_has(string file)
    {
        var definition = DesignerLibrary.Read(file);

        var drawn = DesignerModel.Open(definition).Edges().Select(e => $"{e.From} -> {e.To}").Distinct().Order(StringComparer.Ordinal);

        drawn.ShouldBe(Graph(definition).Select(e => e[..e.IndexOf(" -", StringComparison.Ordinal)] + " -> " + e[(e.IndexOf("> ", StringComparison.Ordinal) + 2)..])
            .Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The graph as the read-only diagram reads it, with joins and deadline moves: independent of the designer's model.</summary>
    private static List<string> Graph(WorkflowDefinition d) =>
        d.Steps.SelectMany(s => DiagramLayout.Targets(s).Select(t => $"{s.Id} -{t.Label}-> {t.To}")
                .Concat(s.Join is { } join ? [$"{s.Id} -join-> {join}"] : [])
                .Concat(s.OnOverdue.Where(r => r.Do == DeadlineAction.Move).Select(r => $"{s.Id} -move-> {r.To}")))
            .Order(StringComparer.Ordinal).ToList();
}
