using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_an_automatic_step_is_wrong
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _notify = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ApprovalDefinition();
        _definition.Inputs.Add(new InputDefinition { Name = "code" });
        // receive → notify → process; a direct action too, so a broken notify does not cut off the rest.
        _definition.Step("receive").Actions.Add(new ActionDefinition { Name = "notify", To = "notify" });
        _notify = new StepDefinition
        {
            Id = "notify", Kind = StepKind.Automatic, Next = "process",
            Emit = new EmitDefinition { Type = "received", Data = { ["code"] = "$code" } },
            Set = { ["received"] = true, ["fee"] = 50000L, ["total"] = "=fee * 2" },
        };
        _definition.Steps.Add(_notify); // steps[5]
    }

    [Test]
    public void Should_accept_set_emit_and_next() => Samples.Problems(_definition).ShouldBeEmpty();

    [Test]
    public void Should_say_when_it_does_nothing()
    {
        _notify.Emit = null;
        _notify.Set.Clear();
        Samples.Problems(_definition).ShouldBe(["steps[5]: automatic step 'notify' does nothing: give it set, emit or handler"]);
    }

    [Test]
    public void Should_call_it_a_dead_end_without_next()
    {
        _notify.Next = null;
        Samples.Problems(_definition).ShouldBe(["steps[5]: dead end: step 'notify' has no way out"]);
    }

    [Test]
    public void Should_name_an_unknown_next()
    {
        _notify.Next = "proces";
        Samples.Problems(_definition).ShouldBe(["steps[5].next: unknown step 'proces'"]);
    }

    [Test]
    public void Should_name_a_message_without_type()
    {
        _notify.Emit!.Type = "";
        Samples.Problems(_definition).ShouldBe(["steps[5].emit.type: missing message type"]);
    }

    [Test]
    public void Should_give_the_parser_message_for_a_set_expression()
    {
        _notify.Set["total"] = "=fee * ";
        Samples.Problems(_definition).ShouldBe(["steps[5].set.total: unexpected end of expression at 7"]);
    }

    [Test]
    public void Should_check_handlers_against_the_context_only_when_given()
    {
        _notify.Handler = "send-sms";
        Samples.Problems(_definition).ShouldBeEmpty();
        Samples.Problems(_definition, new DefinitionValidationContext(new HashSet<string> { "send-email" }))
            .ShouldBe(["steps[5].handler: unknown handler 'send-sms'"]);
        Samples.Problems(_definition, new DefinitionValidationContext(new HashSet<string> { "send-sms" })).ShouldBeEmpty();
    }
}

public sealed class When_a_timer_is_wrong
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _wait = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ApprovalDefinition();
        _definition.Inputs.Add(new InputDefinition { Name = "supplementDueAt", Type = FieldType.DateTime });
        _definition.Step("approve").Actions.Add(new ActionDefinition { Name = "wait", To = "wait" });
        _wait = new StepDefinition { Id = "wait", Kind = StepKind.Timer, Until = "supplementDueAt", Next = "approve" };
        _definition.Steps.Add(_wait); // steps[5]
    }

    [Test]
    public void Should_accept_until_a_variable() => Samples.Problems(_definition).ShouldBeEmpty();

    [Test]
    public void Should_reject_both_duration_and_until()
    {
        _wait.Duration = WorkingTime.Days(1);
        Samples.Problems(_definition).ShouldBe(["steps[5]: timer 'wait' needs duration or until, not both"]);
    }

    [Test]
    public void Should_reject_neither_duration_nor_until()
    {
        _wait.Until = null;
        Samples.Problems(_definition).ShouldBe(["steps[5]: timer 'wait' needs duration or until"]);
    }

    [Test]
    public void Should_reject_a_duration_that_is_not_positive()
    {
        (_wait.Until, _wait.Duration) = (null, WorkingTime.Hours(0));
        Samples.Problems(_definition).ShouldBe(["steps[5].duration: duration must be positive, got '0h'"]);
    }

    [Test]
    public void Should_reject_until_that_is_not_a_variable_name()
    {
        _wait.Until = "due at";
        Samples.Problems(_definition).ShouldBe(["steps[5].until: 'due at' is not a variable name such as dueAt"]);
    }

    [Test]
    public void Should_call_it_a_dead_end_without_next()
    {
        _wait.Next = null;
        Samples.Problems(_definition).ShouldBe(["steps[5]: dead end: step 'wait' has no way out"]);
    }
}

public sealed class When_an_end_step_is_wrong
{
    [Test]
    public void Should_name_a_missing_outcome()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Step("refused").Outcome = null;
        Samples.Problems(definition).ShouldBe(["steps[4].outcome: missing outcome"]);
    }
}
