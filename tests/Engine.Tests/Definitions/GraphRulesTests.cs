using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_step_is_a_dead_end
{
    [Test]
    public void Should_name_a_human_step_without_actions_and_what_it_cuts_off()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Step("process").Actions.Clear();
        Samples.Problems(definition).ShouldBe([
            "steps[1]: dead end: step 'process' has no way out",
            "steps[2]: step 'approve' is unreachable from 'receive'",
            "steps[3]: step 'approved' is unreachable from 'receive'",
            "steps[4]: step 'refused' is unreachable from 'receive'",
        ]);
    }

    [Test]
    public void Should_name_each_step_of_a_closed_loop()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Step("process").Actions.Add(new ActionDefinition { Name = "check", To = "check" });
        definition.Steps.AddRange([Human("check", "recheck"), Human("recheck", "check")]);
        Samples.Problems(definition).ShouldBe([
            "steps[5]: no end step can be reached from 'check'",
            "steps[6]: no end step can be reached from 'recheck'",
        ]);
    }

    [Test]
    public void Should_say_once_when_there_is_no_end_step_at_all()
    {
        var definition = new WorkflowDefinition { Id = "loop", Version = 1, Title = "Loop", Steps = [Human("a", "b"), Human("b", "a")] };
        Samples.Problems(definition).ShouldBe(["steps: there is no end step"]);
    }

    private static StepDefinition Human(string id, string to) => new()
    {
        Id = id, Kind = StepKind.Human, Role = "clerk", Budget = WorkingTime.Days(1),
        Actions = [new ActionDefinition { Name = "go", To = to }],
    };
}

public sealed class When_a_step_is_unreachable
{
    [Test]
    public void Should_name_it_and_the_start_step()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Steps.Add(new StepDefinition { Id = "archive", Kind = StepKind.End, Outcome = "archived" });
        Samples.Problems(definition).ShouldBe(["steps[5]: step 'archive' is unreachable from 'receive'"]);
    }

    [Test]
    public void Should_start_from_the_declared_start_step()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Start = "process";
        Samples.Problems(definition).ShouldBe(["steps[0]: step 'receive' is unreachable from 'process'"]);
    }

    [Test]
    public void Should_count_the_join_as_reached_through_the_split_even_if_a_branch_is_broken()
    {
        var definition = Samples.ConsultationDefinition();
        definition.Step("tax-opinion").Actions.Clear();
        definition.Step("land-check").Actions.Clear();
        Samples.Problems(definition).ShouldBe([
            "steps[2]: dead end: step 'tax-opinion' has no way out",
            "steps[4]: dead end: step 'land-check' has no way out",
        ]);
    }
}
