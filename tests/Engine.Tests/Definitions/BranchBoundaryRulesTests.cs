using Engine.Definitions;

namespace Engine.Tests.Definitions;

/// <summary>process → consult (tax: tax-opinion | land: land-opinion → land-check) → consulted → approve → done.</summary>
public sealed class When_a_branch_step_leads_out_of_its_branch
{
    private const string ToJoin = "outside the branch: a branch ends at join 'consulted' or an end step";

    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp() => _definition = Samples.ConsultationDefinition();

    private StepDefinition Step(string id) => _definition.Step(id);

    [Test]
    public void Should_accept_branches_that_end_at_the_join_or_an_end_step()
    {
        Step("land-check").Actions.Add(new ActionDefinition { Name = "withdraw", To = "done" });
        Step("land-opinion").Actions.Add(new ActionDefinition { Name = "again", To = "land-opinion" });
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_name_an_action_to_a_step_after_the_join()
    {
        Step("land-check").Actions[0].To = "approve";
        Samples.Problems(_definition).ShouldBe([
            $"steps[4].actions[0].to: step 'land-check' of branch 'land' (split 'consult') leads to 'approve', {ToJoin}",
        ]);
    }

    [Test]
    public void Should_name_an_action_back_before_the_split_once()
    {
        // land-check → process → consult reaches the join again, so "never reaches the join" has nothing to add.
        Step("land-check").Actions[0].To = "process";
        Samples.Problems(_definition).ShouldBe([
            $"steps[4].actions[0].to: step 'land-check' of branch 'land' (split 'consult') leads to 'process', {ToJoin}",
        ]);
    }

    [Test]
    public void Should_name_an_action_back_to_the_split_itself()
    {
        Step("tax-opinion").Actions.Add(new ActionDefinition { Name = "ask-again", To = "consult" });
        Samples.Problems(_definition).ShouldBe([
            $"steps[2].actions[1].to: step 'tax-opinion' of branch 'tax' (split 'consult') leads to 'consult', {ToJoin}",
        ]);
    }

    [Test]
    public void Should_name_an_action_into_another_branch()
    {
        Step("tax-opinion").Actions[0].To = "land-opinion";
        Samples.Problems(_definition).ShouldBe([
            $"steps[2].actions[0].to: step 'tax-opinion' of branch 'tax' (split 'consult') leads to 'land-opinion', {ToJoin}",
        ]);
    }

    [Test]
    public void Should_name_the_next_of_an_automatic_step()
    {
        Step("tax-opinion").Actions[0].To = "record";
        _definition.Steps.Add(new StepDefinition { Id = "record", Kind = StepKind.Automatic, Set = { ["taxAnswered"] = true }, Next = "approve" });
        Samples.Problems(_definition).ShouldBe([
            $"steps[8].next: step 'record' of branch 'tax' (split 'consult') leads to 'approve', {ToJoin}",
        ]);
    }

    [Test]
    public void Should_name_a_deadline_move_of_a_branch_step()
    {
        Step("land-check").OnOverdue.AddRange([
            new DeadlineRule { Do = DeadlineAction.Move, To = "consulted" },
            new DeadlineRule { Do = DeadlineAction.Move, To = "approve" },
        ]);
        Samples.Problems(_definition).ShouldBe([
            $"steps[4].onOverdue[1].to: step 'land-check' of branch 'land' (split 'consult') leads to 'approve', {ToJoin}",
        ]);
    }

    [Test]
    public void Should_still_say_when_a_branch_never_reaches_its_join()
    {
        Step("land-check").Actions[0].To = "land-opinion";
        Samples.Problems(_definition).ShouldBe([
            "steps[3]: no end step can be reached from 'land-opinion'",
            "steps[4]: no end step can be reached from 'land-check'",
            "steps[1].branches[1].start: branch 'land' never reaches join 'consulted' or an end step",
        ]);
    }
}

public sealed class When_a_branch_deadline_moves_out_of_its_branch
{
    private WorkflowDefinition _definition = null!;
    private BranchDefinition _land = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ConsultationDefinition();
        _land = _definition.Step("consult").Branches[1];
        _land.Budget = WorkingTime.Days(6);
    }

    private void Move(string to) => _land.OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Move, To = to });

    [Test]
    public void Should_accept_the_join_a_step_of_the_branch_or_an_end_step()
    {
        Move("consulted");
        Move("land-check");
        Move("done");
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [TestCase("approve")]
    [TestCase("tax-opinion")]
    [TestCase("consult")]
    public void Should_name_any_other_target(string to)
    {
        Move("consulted");
        Move(to);
        Samples.Problems(_definition).ShouldBe([
            $"steps[1].branches[1].onOverdue[1].to: branch 'land' (split 'consult') moves to '{to}' when overdue, " +
            "outside the branch: a branch ends at join 'consulted' or an end step",
        ]);
    }
}
