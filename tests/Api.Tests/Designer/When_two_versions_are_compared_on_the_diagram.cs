using Api.Ui.Designer;
using Engine.Definitions;

namespace Api.Tests.Designer;

/// <summary>The version comparison drawn on the diagram: each step marked added, removed or changed from the change list the text shows.</summary>
public sealed class When_two_versions_are_compared_on_the_diagram
{
    private static WorkflowDefinition Death() => DesignerLibrary.Read(DesignerLibrary.Files().Single(f => f.Contains("death-registration", StringComparison.Ordinal)));

    [Test]
    public void Should_mark_an_added_a_removed_and_a_changed_step_and_draw_the_removed_one_without_its_routes()
    {
        var before = Death();
        var after = Death();
        after.FindStep("process")!.Budget = WorkingTime.Hours(4);
        var dropped = after.FindStep("withdrawn")!;
        foreach (var step in after.Steps)
            step.Actions.RemoveAll(a => a.To == dropped.Id);
        after.Steps.Remove(dropped);
        after.Steps.Add(new StepDefinition { Id = "closed", Kind = StepKind.End, Outcome = "approved" });

        var comparison = DiagramComparison.Of(before, after, DefinitionDiff.Compare(before, after));

        comparison.Marks["process"].ShouldBe(DefinitionChangeKind.Changed);
        comparison.Marks["closed"].ShouldBe(DefinitionChangeKind.Added);
        comparison.Marks[dropped.Id].ShouldBe(DefinitionChangeKind.Removed);
        comparison.Definition.FindStep(dropped.Id).ShouldNotBeNull().Actions.ShouldBeEmpty();
        comparison.Definition.Steps.Count.ShouldBe(after.Steps.Count + 1);
        after.FindStep(dropped.Id).ShouldBeNull();
    }

    [Test]
    public void Should_mark_nothing_when_only_the_header_changed()
    {
        var before = Death();
        var after = Death();
        after.Version = before.Version + 1;

        DiagramComparison.Of(before, after, DefinitionDiff.Compare(before, after)).Marks.ShouldBeEmpty();
    }
}
