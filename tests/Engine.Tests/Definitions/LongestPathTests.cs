using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_computing_the_longest_path
{
    [Test]
    public void Should_ignore_a_send_back_loop()
    {
        var total = DefinitionValidator.LongestPathBudget(Samples.ApprovalDefinition(), out var path);
        total.ShouldBe(WorkingTime.Days(7.5m));
        path.ShouldBe(["receive", "process", "approve", "approved"]);
    }

    [Test]
    public void Should_take_the_larger_of_a_declared_branch_budget_and_a_branch_sum()
    {
        // tax is declared 5d; land sums 4d + 2d = 6d, so land wins: 2d + 6d + 1d.
        var total = DefinitionValidator.LongestPathBudget(Samples.ConsultationDefinition(), out var path);
        total.ShouldBe(WorkingTime.Days(9));
        path.ShouldBe(["process", "consult", "land-opinion", "land-check", "consulted", "approve", "done"]);
    }

    [Test]
    public void Should_use_a_declared_branch_budget_instead_of_the_steps_inside()
    {
        var definition = Samples.ConsultationDefinition();
        definition.Step("consult").Branches[0].Budget = WorkingTime.Days(8); // tax-opinion itself is only 3d
        DefinitionValidator.LongestPathBudget(definition, out var path).ShouldBe(WorkingTime.Days(11));
        path.ShouldBe(["process", "consult", "tax-opinion", "consulted", "approve", "done"]);
    }

    [Test]
    public void Should_count_timer_durations_and_sum_mixed_units_in_hours()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Step("receive").Actions[0].To = "cool-off";
        definition.Steps.Add(new StepDefinition { Id = "cool-off", Kind = StepKind.Timer, Duration = WorkingTime.Hours(4), Next = "process" });
        var total = DefinitionValidator.LongestPathBudget(definition, out var path);
        total.ShouldBe(WorkingTime.Hours(64)); // 0.5d + 4h + 5d + 2d = 4 + 4 + 40 + 16 hours
        total.ToString().ShouldBe("64h");
        path.ShouldBe(["receive", "cool-off", "process", "approve", "approved"]);
    }

    [Test]
    public void Should_be_zero_when_the_start_is_unknown()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Start = "nowhere";
        DefinitionValidator.LongestPathBudget(definition, out var path).ShouldBe(WorkingTime.Zero);
        path.ShouldBeEmpty();
    }
}

public sealed class When_a_five_step_approval_has_a_send_back_loop
{
    [Test]
    public void Should_validate_clean_and_count_each_step_once()
    {
        var definition = Samples.ApprovalDefinition(); // approve → send-back → process
        DefinitionValidator.Validate(definition).ShouldBeEmpty();
        DefinitionValidator.LongestPathBudget(definition, out var path).ShouldBe(WorkingTime.Days(7.5m));
        path.Distinct().Count().ShouldBe(path.Count);
    }
}

public sealed class When_a_legal_limit_is_declared
{
    [Test]
    public void Should_name_the_path_and_both_times_when_it_is_exceeded()
    {
        var definition = Samples.ApprovalDefinition();
        definition.LegalLimit = WorkingTime.Days(7);
        Samples.Problems(definition).ShouldBe(["legalLimit: longest path receive → process → approve → approved takes 7.5d, above the legal limit 7d"]);
    }

    [Test]
    public void Should_accept_a_path_exactly_at_the_limit()
    {
        var definition = Samples.ApprovalDefinition();
        definition.LegalLimit = WorkingTime.Hours(60); // 7.5d
        Samples.Problems(definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_accept_a_path_below_the_limit()
    {
        var definition = Samples.ConsultationDefinition();
        definition.LegalLimit = WorkingTime.Days(10);
        Samples.Problems(definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_count_the_most_expensive_branch_of_a_split()
    {
        var definition = Samples.ConsultationDefinition();
        definition.LegalLimit = WorkingTime.Days(8);
        Samples.Problems(definition).ShouldBe([
            "legalLimit: longest path process → consult → land-opinion → land-check → consulted → approve → done takes 9d, above the legal limit 8d",
        ]);
    }
}
