using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_definition_reads_a_variable
{
    private const string Hint = "(define it as an input, a form field, a 'set' or a handler output)";

    private WorkflowDefinition _definition = null!;
    private StepDefinition _notify = null!;

    [SetUp]
    public void SetUp()
    {
        // Defined: the input 'applicant', the form field 'decision' of approve, the set key 'fee' and the handler output 'total'.
        _definition = Samples.ApprovalDefinition();
        _definition.Inputs.Add(new InputDefinition { Name = "applicant" });
        _definition.Step("approve").Form.Add(new FormField { Name = "decision" });
        _definition.Step("receive").Actions[0].To = "notify";
        _notify = new StepDefinition
        {
            Id = "notify", Kind = StepKind.Automatic, Handler = "total-fee", Outputs = ["total"], Next = "process",
            Set = { ["fee"] = 50000L }, Emit = new EmitDefinition { Type = "received", Data = { ["agency"] = "tax", ["copies"] = 2L } },
        };
        _definition.Steps.Add(_notify); // steps[5]
    }

    private static string Undefined(string name) => $"variable '{name}' is not defined {Hint}";

    [Test]
    public void Should_accept_inputs_form_fields_set_keys_and_handler_outputs_wherever_they_are_defined()
    {
        _definition.Step("receive").Unit = "$applicant.unitId";
        _definition.Step("process").Assignee = "${applicant.officer}";
        _definition.Step("approve").Actions[0].Guard = "decision == 'approve' and total > fee and applicant.age >= 18";
        _notify.Set["doubled"] = "=fee * 2 + total";
        _notify.Emit!.Data["decision"] = "$decision";
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_name_each_undefined_variable_of_a_guard_once_in_the_order_written()
    {
        _definition.Step("approve").Actions[2].Guard = "fees > limit or fees == 0 or decison.code == 'refuse'";
        Samples.Problems(_definition).ShouldBe([
            $"steps[2].actions[2].guard: {Undefined("fees")}",
            $"steps[2].actions[2].guard: {Undefined("limit")}",
            $"steps[2].actions[2].guard: {Undefined("decison")}",
        ]);
    }

    [Test]
    public void Should_name_the_first_name_of_a_dotted_path()
    {
        _definition.Step("approve").Actions[0].Guard = "aplicant.age >= 18";
        Samples.Problems(_definition).ShouldBe([$"steps[2].actions[0].guard: {Undefined("aplicant")}"]);
    }

    [Test]
    public void Should_check_a_computed_value_but_not_a_literal()
    {
        (_notify.Set["label"], _notify.Set["total2"]) = ("feel free", "=fees * 2");
        Samples.Problems(_definition).ShouldBe([$"steps[5].set.total2: {Undefined("fees")}"]);
    }

    [Test]
    public void Should_check_references_in_unit_assignee_and_message_data()
    {
        _definition.Step("receive").Unit = "$receivingUnit";
        _definition.Step("process").Assignee = "${specialist}";
        _notify.Emit!.Data["code"] = "$dossierCode";
        Samples.Problems(_definition).ShouldBe([
            $"steps[0].unit: {Undefined("receivingUnit")}",
            $"steps[1].assignee: {Undefined("specialist")}",
            $"steps[5].emit.data.code: {Undefined("dossierCode")}",
        ]);
    }

    [Test]
    public void Should_check_the_deadline_and_unit_of_a_timer()
    {
        _notify.Next = "wait";
        _definition.Steps.Add(new StepDefinition { Id = "wait", Kind = StepKind.Timer, Until = "dueAt", Unit = "$unitId", Next = "process" });
        Samples.Problems(_definition).ShouldBe([$"steps[6].until: {Undefined("dueAt")}", $"steps[6].unit: {Undefined("unitId")}"]);
    }

    [Test]
    public void Should_check_the_unit_of_an_escalation()
    {
        _definition.Step("process").OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Escalate, Unit = "$parentUnit" });
        Samples.Problems(_definition).ShouldBe([$"steps[1].onOverdue[0].unit: {Undefined("parentUnit")}"]);
    }

    [Test]
    public void Should_report_a_malformed_value_only_as_malformed()
    {
        _definition.Step("receive").Unit = "$ receivingUnit";
        _definition.Step("approve").Actions[0].Guard = "fees >";
        Samples.Problems(_definition).ShouldBe([
            "steps[0].unit: '$ receivingUnit' is not a variable reference such as $name or ${name}",
            "steps[2].actions[0].guard: unexpected end of expression at 7",
        ]);
    }
}

public sealed class When_a_branch_reads_a_variable
{
    [Test]
    public void Should_check_the_branch_unit_and_the_unit_of_its_escalation()
    {
        var definition = Samples.ConsultationDefinition();
        definition.Inputs.Add(new InputDefinition { Name = "landUnit", Type = FieldType.Unit });
        var split = definition.Step("consult");
        (split.Branches[0].Unit, split.Branches[1].Unit) = ("$taxUnit", "$landUnit");
        split.Branches[1].Budget = WorkingTime.Days(6);
        split.Branches[1].OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Escalate, Unit = "${landUnit.parent}" });
        split.Branches[0].OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Escalate, Unit = "$taxUnit" });
        Samples.Problems(definition).ShouldBe([
            "steps[1].branches[0].unit: variable 'taxUnit' is not defined (define it as an input, a form field, a 'set' or a handler output)",
            "steps[1].branches[0].onOverdue[0].unit: variable 'taxUnit' is not defined (define it as an input, a form field, a 'set' or a handler output)",
        ]);
    }
}
