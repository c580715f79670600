using Engine.Definitions;

namespace Engine.Tests.Definitions;

/// <summary>The land branch holds a split of its own: land-opinion → survey (north | south) → surveyed → land-check.</summary>
public sealed class When_a_branch_holds_a_split_of_its_own
{
    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ConsultationDefinition();
        _definition.Step("land-opinion").Actions[0].To = "survey";
        _definition.Steps.AddRange([
            new StepDefinition
            {
                Id = "survey", Kind = StepKind.Split, Join = "surveyed", // steps[8]
                Branches = [new() { Name = "north", Start = "survey-north" }, new() { Name = "south", Start = "survey-south" }],
            },
            Human("survey-north", "surveyed"), // steps[9]
            Human("survey-south", "surveyed"), // steps[10]
            new StepDefinition { Id = "surveyed", Kind = StepKind.Join, Next = "land-check" }, // steps[11]
        ]);
    }

    private static StepDefinition Human(string id, string to) => new()
    {
        Id = id, Kind = StepKind.Human, Role = "surveyor", Budget = WorkingTime.Days(1), Actions = [new ActionDefinition { Name = "done", To = to }],
    };

    [Test]
    public void Should_accept_it() => Samples.Problems(_definition).ShouldBeEmpty();

    [Test]
    public void Should_name_an_inner_step_that_skips_to_the_outer_join_against_the_inner_join()
    {
        _definition.Step("survey-south").Actions[0].To = "consulted";
        Samples.Problems(_definition).ShouldBe([
            "steps[10].actions[0].to: step 'survey-south' of branch 'south' (split 'survey') leads to 'consulted', " +
            "outside the branch: a branch ends at join 'surveyed' or an end step",
        ]);
    }

    [Test]
    public void Should_name_an_inner_step_that_leaves_both_splits_once()
    {
        _definition.Step("survey-south").Actions[0].To = "approve";
        Samples.Problems(_definition).ShouldBe([
            "steps[10].actions[0].to: step 'survey-south' of branch 'south' (split 'survey') leads to 'approve', " +
            "outside the branch: a branch ends at join 'surveyed' or an end step",
        ]);
    }

    [Test]
    public void Should_name_an_inner_branch_deadline_that_leaves_both_splits_once()
    {
        _definition.Step("survey").Branches[0].Budget = WorkingTime.Days(1);
        _definition.Step("survey").Branches[0].OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Move, To = "approve" });
        Samples.Problems(_definition).ShouldBe([
            "steps[8].branches[0].onOverdue[0].to: branch 'north' (split 'survey') moves to 'approve' when overdue, " +
            "outside the branch: a branch ends at join 'surveyed' or an end step",
        ]);
    }
}
