using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_split_is_wrong
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _split = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ConsultationDefinition();
        _split = _definition.Step("consult");
    }

    [Test]
    public void Should_accept_the_sample_as_it_is() => Samples.Problems(_definition).ShouldBeEmpty();

    [Test]
    public void Should_need_two_branches()
    {
        _split.Branches.RemoveAt(1);
        _definition.Step("land-check").Actions[0].To = "done"; // keep the rest of the graph reachable
        Samples.Problems(_definition).ShouldBe([
            "steps[1].branches: a split needs at least 2 branches, got 1",
            "steps[3]: step 'land-opinion' is unreachable from 'process'",
            "steps[4]: step 'land-check' is unreachable from 'process'",
        ]);
    }

    [Test]
    public void Should_name_missing_and_duplicate_branch_names()
    {
        _split.Branches.Add(new BranchDefinition { Name = "tax", Start = "tax-opinion" });
        _split.Branches.Add(new BranchDefinition { Name = "", Start = "tax-opinion" });
        Samples.Problems(_definition).ShouldBe([
            "steps[1].branches[3].name: missing branch name",
            "steps[1].branches[2].name: duplicate branch 'tax' (first at steps[1].branches[0])",
        ]);
    }

    [Test]
    public void Should_name_an_unknown_branch_start()
    {
        _split.Branches[1].Start = "land";
        Samples.Problems(_definition).ShouldBe([
            "steps[1].branches[1].start: unknown step 'land'",
            "steps[3]: step 'land-opinion' is unreachable from 'process'",
            "steps[4]: step 'land-check' is unreachable from 'process'",
        ]);
    }

    [Test]
    public void Should_reject_a_branch_budget_that_is_not_positive()
    {
        _split.Branches[0].Budget = WorkingTime.Days(0);
        Samples.Problems(_definition).ShouldBe(["steps[1].branches[0].budget: budget must be positive, got '0d'"]);
    }

    [Test]
    public void Should_name_a_missing_join()
    {
        _split.Join = null;
        Samples.Problems(_definition).ShouldBe(["steps[1].join: missing join", "steps[5]: join 'consulted' has no split"]);
    }

    [Test]
    public void Should_name_an_unknown_join()
    {
        _split.Join = "consultd";
        Samples.Problems(_definition).ShouldBe(["steps[1].join: unknown step 'consultd'", "steps[5]: join 'consulted' has no split"]);
    }

    [Test]
    public void Should_require_the_join_to_be_a_join_step()
    {
        _split.Join = "approve";
        Samples.Problems(_definition).ShouldBe([
            "steps[1].join: step 'approve' is a human step, not a join",
            "steps[5]: join 'consulted' has no split",
        ]);
    }

    [Test]
    public void Should_require_each_branch_to_reach_the_join_or_an_end()
    {
        // land-check sends back to land-opinion only: the land branch loops forever.
        _definition.Step("land-check").Actions[0].To = "land-opinion";
        Samples.Problems(_definition).ShouldBe([
            "steps[3]: no end step can be reached from 'land-opinion'",
            "steps[4]: no end step can be reached from 'land-check'",
            "steps[1].branches[1].start: branch 'land' never reaches join 'consulted' or an end step",
        ]);
    }

    [Test]
    public void Should_accept_a_branch_that_finishes_at_an_end_step()
    {
        _definition.Step("land-check").Actions.Add(new ActionDefinition { Name = "withdraw", To = "done" });
        _definition.Step("land-check").Actions.RemoveAt(0);
        Samples.Problems(_definition).ShouldBeEmpty();
    }
}

public sealed class When_a_join_is_wrong
{
    [Test]
    public void Should_name_a_join_without_split()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Step("process").Actions[0].To = "gathered";
        definition.Steps.Add(new StepDefinition { Id = "gathered", Kind = StepKind.Join, Next = "approve" });
        Samples.Problems(definition).ShouldBe(["steps[5]: join 'gathered' has no split"]);
    }

    [Test]
    public void Should_name_a_join_closed_by_two_splits()
    {
        var definition = Samples.ConsultationDefinition();
        definition.Step("process").Actions.Add(new ActionDefinition { Name = "again", To = "consult-again" });
        definition.Steps.Add(new StepDefinition
        {
            Id = "consult-again", Kind = StepKind.Split, Join = "consulted",
            Branches = [new() { Name = "a", Start = "tax-opinion" }, new() { Name = "b", Start = "land-opinion" }],
        });
        Samples.Problems(definition).ShouldBe(["steps[5]: join 'consulted' is closed by more than one split: 'consult', 'consult-again'"]);
    }

    [Test]
    public void Should_call_it_a_dead_end_without_next()
    {
        var definition = Samples.ConsultationDefinition();
        definition.Step("consulted").Next = null;
        Samples.Problems(definition).ShouldBe([
            "steps[5]: dead end: step 'consulted' has no way out",
            "steps[6]: step 'approve' is unreachable from 'process'",
            "steps[7]: step 'done' is unreachable from 'process'",
        ]);
    }
}
