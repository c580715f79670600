using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_handler_step_declares_outputs
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _assess = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ApprovalDefinition();
        _definition.Step("process").Actions[0].To = "assess";
        _assess = new StepDefinition { Id = "assess", Kind = StepKind.Automatic, Handler = "assess-fee", Outputs = ["fee", "feeDue_at"], Next = "approve" };
        _definition.Steps.Add(_assess); // steps[5]
    }

    [Test]
    public void Should_accept_variable_names() => Samples.Problems(_definition).ShouldBeEmpty();

    [Test]
    public void Should_need_a_handler_to_set_them()
    {
        (_assess.Handler, _assess.Set) = (null, new() { ["assessed"] = true });
        Samples.Problems(_definition).ShouldBe(["steps[5].outputs: 'outputs' needs a handler: only a handler sets them"]);
    }

    [Test]
    public void Should_refuse_a_name_a_guard_cannot_read()
    {
        _assess.Outputs = ["fee", "fee-due", "1st", "applicant.fee"];
        Samples.Problems(_definition).ShouldBe([
            "steps[5].outputs[1]: output 'fee-due' must be letters, digits and '_', not starting with a digit",
            "steps[5].outputs[2]: output '1st' must be letters, digits and '_', not starting with a digit",
            "steps[5].outputs[3]: output 'applicant.fee' must be letters, digits and '_', not starting with a digit",
        ]);
    }

    [Test]
    public void Should_name_a_duplicate_and_where_it_was_first()
    {
        _assess.Outputs = ["fee", "total", "fee"];
        Samples.Problems(_definition).ShouldBe(["steps[5].outputs[2]: duplicate output 'fee' (first at steps[5].outputs[0])"]);
    }

    [Test]
    public void Should_refuse_outputs_on_another_kind_of_step()
    {
        _definition.Step("process").Outputs = ["fee"];
        Samples.Problems(_definition).ShouldBe(["steps[1].outputs: 'outputs' does not apply to a human step"]);
    }
}
