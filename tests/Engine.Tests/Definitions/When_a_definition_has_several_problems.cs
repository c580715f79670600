using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_definition_has_several_problems
{
    [Test]
    public void Should_list_all_of_them_at_once()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Title = "";
        definition.LegalLimit = WorkingTime.Days(5);
        definition.Step("receive").Role = null;
        definition.Step("approve").Actions[0].To = "aprove";
        definition.Step("refused").Outcome = null;
        definition.Steps.Add(new StepDefinition { Id = "archive", Kind = StepKind.End, Outcome = "archived" });

        Samples.Problems(definition).ShouldBe([
            "title: missing title",
            "steps[0].role: missing role",
            "steps[2].actions[0].to: unknown step 'aprove'",
            "steps[4].outcome: missing outcome",
            "steps[3]: step 'approved' is unreachable from 'receive'",
            "steps[5]: step 'archive' is unreachable from 'receive'",
            "legalLimit: longest path receive → process → approve → refused takes 7.5d, above the legal limit 5d",
        ]);
    }
}
