using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_human_step_is_incomplete
{
    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp() => _definition = Samples.ApprovalDefinition();

    [Test]
    public void Should_accept_the_sample_as_it_is() => Samples.Problems(_definition).ShouldBeEmpty();

    [Test]
    public void Should_name_a_missing_role()
    {
        _definition.Step("process").Role = null;
        Samples.Problems(_definition).ShouldBe(["steps[1].role: missing role"]);
    }

    [Test]
    public void Should_name_a_missing_budget()
    {
        _definition.Step("process").Budget = null;
        Samples.Problems(_definition).ShouldBe(["steps[1].budget: missing budget"]);
    }

    [Test]
    public void Should_reject_a_budget_that_is_not_positive()
    {
        _definition.Step("process").Budget = WorkingTime.Days(-1);
        Samples.Problems(_definition).ShouldBe(["steps[1].budget: budget must be positive, got '-1d'"]);
    }

    [Test]
    public void Should_reject_a_malformed_variable_reference_in_unit()
    {
        _definition.Step("process").Unit = "$ unit";
        Samples.Problems(_definition).ShouldBe(["steps[1].unit: '$ unit' is not a variable reference such as $name or ${name}"]);
    }

    [Test]
    public void Should_name_a_property_that_belongs_to_another_kind()
    {
        _definition.Step("process").Next = "approve";
        Samples.Problems(_definition).ShouldBe(["steps[1].next: 'next' does not apply to a human step"]);
    }
}

public sealed class When_an_action_is_wrong
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _approve = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ApprovalDefinition();
        _approve = _definition.Step("approve");
    }

    [Test]
    public void Should_name_an_unknown_target()
    {
        _approve.Actions[1].To = "aprove";
        Samples.Problems(_definition).ShouldBe(["steps[2].actions[1].to: unknown step 'aprove'"]);
    }

    [Test]
    public void Should_name_a_missing_target()
    {
        _approve.Actions[2].To = "";
        // The refused end becomes unreachable too: a second, distinct consequence an author should see.
        Samples.Problems(_definition).ShouldBe([
            "steps[2].actions[2].to: missing target step",
            "steps[4]: step 'refused' is unreachable from 'receive'",
        ]);
    }

    [Test]
    public void Should_name_a_missing_action_name()
    {
        _approve.Actions[0].Name = "";
        Samples.Problems(_definition).ShouldBe(["steps[2].actions[0].name: missing action name"]);
    }

    [Test]
    public void Should_name_a_duplicate_action_and_where_it_was_first()
    {
        _approve.Actions[2].Name = "approve";
        Samples.Problems(_definition).ShouldBe(["steps[2].actions[2].name: duplicate action 'approve' (first at steps[2].actions[0])"]);
    }

    [Test]
    public void Should_give_the_parser_message_for_a_bad_guard()
    {
        _approve.Actions[0].Guard = "amount > 1)";
        Samples.Problems(_definition).ShouldBe(["steps[2].actions[0].guard: unexpected ')' at 11"]);
    }

    [Test]
    public void Should_accept_a_guard_that_parses()
    {
        _definition.Inputs.Add(new InputDefinition { Name = "fee", Type = FieldType.Number });
        _approve.Form.Add(new FormField { Name = "decision" });
        _approve.Actions[0].Guard = "not empty(decision) and fee in [0, 50000]";
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_name_a_required_field_missing_from_the_form()
    {
        _approve.Form.Add(new FormField { Name = "decision" });
        _approve.Actions[1].Requires.AddRange(["decision", "reason"]);
        Samples.Problems(_definition).ShouldBe(["steps[2].actions[1].requires[1]: 'reason' is not a field of the step's form"]);
    }
}

public sealed class When_a_form_is_wrong
{
    [Test]
    public void Should_name_a_duplicate_field()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Step("approve").Form.AddRange([new FormField { Name = "reason" }, new FormField { Name = "reason" }]);
        Samples.Problems(definition).ShouldBe(["steps[2].form[1].name: duplicate field 'reason' (first at steps[2].form[0])"]);
    }

    [Test]
    public void Should_name_a_field_without_a_name_and_a_select_without_options()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Step("approve").Form.AddRange([new FormField { Name = "" }, new FormField { Name = "decision", Type = FieldType.Select }]);
        Samples.Problems(definition).ShouldBe([
            "steps[2].form[0].name: missing field name",
            "steps[2].form[1].options: select field 'decision' needs options",
        ]);
    }
}
