using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_comparing_two_versions
{
    private WorkflowDefinition _from = null!;
    private WorkflowDefinition _to = null!;

    [SetUp]
    public void SetUp()
    {
        _from = Samples.ApprovalDefinition();
        _to = Samples.ApprovalDefinition();
    }

    private List<string> Changes() => DefinitionDiff.Compare(_from, _to).Select(c => c.ToString()).ToList();

    [Test]
    public void Should_find_nothing_in_equal_definitions() => Changes().ShouldBeEmpty();

    [Test]
    public void Should_ignore_the_order_of_steps_and_actions_when_the_start_is_explicit()
    {
        _from.Start = _to.Start = "receive";
        _to.Steps.Reverse();
        _to.Step("approve").Actions.Reverse();
        Changes().ShouldBeEmpty();
    }

    [Test]
    public void Should_show_header_changes()
    {
        (_to.Version, _to.Title, _to.LegalLimit, _to.Description) = (2, "Building permit", WorkingTime.Days(12), "New");
        Changes().ShouldBe(["version: 1 → 2", "title: Permit → Building permit", "description: (none) → New", "legalLimit: 10d → 12d"]);
    }

    [Test]
    public void Should_show_added_and_removed_steps_by_id_with_their_kind()
    {
        _to.Steps.Remove(_to.Step("refused"));
        _to.Step("approve").Actions.RemoveAt(2);
        _to.Steps.Add(new StepDefinition { Id = "archive", Kind = StepKind.End, Outcome = "archived" });
        var changes = DefinitionDiff.Compare(_from, _to);
        changes.Select(c => c.ToString()).ShouldBe([
            "steps[refused]: removed (end)",
            "steps[approve].actions[refuse]: removed (refused)",
            "steps[archive]: added (end)",
        ]);
        changes[0].ShouldBe(new DefinitionChange(DefinitionChangeKind.Removed, "steps[refused]", "end", null));
        changes[2].ShouldBe(new DefinitionChange(DefinitionChangeKind.Added, "steps[archive]", null, "end"));
    }

    [Test]
    public void Should_show_property_changes_by_step_id_and_action_name()
    {
        _to.Step("process").Budget = WorkingTime.Days(6);
        _to.Step("approve").Actions[1].To = "receive";
        _to.Step("approve").Actions[1].CommentRequired = false;
        _to.Step("approve").Actions[0].Guard = "fee > 0";
        var change = DefinitionDiff.Compare(_from, _to)[0];
        change.ShouldBe(new DefinitionChange(DefinitionChangeKind.Changed, "steps[process].budget", "5d", "6d"));
        Changes().ShouldBe([
            "steps[process].budget: 5d → 6d",
            "steps[approve].actions[approve].guard: (none) → fee > 0",
            "steps[approve].actions[send-back].to: process → receive",
            "steps[approve].actions[send-back].commentRequired: true → false",
        ]);
    }

    [Test]
    public void Should_show_form_set_emit_and_input_changes()
    {
        _from.Inputs.Add(new InputDefinition { Name = "fee", Type = FieldType.Number });
        _to.Inputs.Add(new InputDefinition { Name = "fee", Type = FieldType.Text, Required = true });
        _from.Step("approve").Form.Add(new FormField { Name = "decision", Type = FieldType.Select, Options = ["yes", "no"] });
        _to.Step("approve").Form.Add(new FormField { Name = "decision", Type = FieldType.Select, Options = ["yes", "no", "later"] });
        _from.Step("receive").Set["fee"] = 1L;
        _to.Step("receive").Set["fee"] = "1";
        _to.Step("receive").Set["note"] = "Đã nhận";
        _to.Step("receive").Emit = new EmitDefinition { Type = "received" };
        Changes().ShouldBe([
            "inputs[fee].type: number → text",
            "inputs[fee].required: false → true",
            "steps[receive].set.fee: 1 → \"1\"",
            "steps[receive].set.note: added (\"Đã nhận\")",
            "steps[receive].emit: added (received)",
            "steps[approve].form[decision].options: [yes, no] → [yes, no, later]",
        ]);
    }

    [Test]
    public void Should_show_branch_changes_by_name()
    {
        _from = Samples.ConsultationDefinition();
        _to = Samples.ConsultationDefinition();
        _to.Step("consult").Branches[0].Budget = WorkingTime.Days(7);
        _to.Step("consult").Branches[1].Name = "land-registry";
        Changes().ShouldBe([
            "steps[consult].branches[land]: removed (land-opinion)",
            "steps[consult].branches[tax].budget: 5d → 7d",
            "steps[consult].branches[land-registry]: added (land-opinion)",
        ]);
    }

    [Test]
    public void Should_show_deadline_rules_by_position_and_units_and_outputs()
    {
        _from = Samples.ConsultationDefinition();
        _to = Samples.ConsultationDefinition();
        _from.Step("process").OnOverdue.AddRange([new DeadlineRule { Do = DeadlineAction.Remind }, new DeadlineRule { Do = DeadlineAction.Move, To = "approve" }]);
        _to.Step("process").OnOverdue.Add(new DeadlineRule { After = WorkingTime.Days(1), Do = DeadlineAction.Escalate, Role = "section-head" });
        _to.Step("consult").Branches[0].Unit = "$taxUnit";
        _to.Step("consult").Branches[0].OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Move, To = "consulted" });
        _to.Steps.Add(new StepDefinition { Id = "assess", Kind = StepKind.Automatic, Handler = "assess", Outputs = ["fee"], Next = "done" });
        Changes().ShouldBe([
            "steps[process].onOverdue[0]: after 0h remind → after 1d escalate role section-head",
            "steps[process].onOverdue[1]: removed (after 0h move to approve)",
            "steps[consult].branches[tax].unit: (none) → $taxUnit",
            "steps[consult].branches[tax].onOverdue[0]: added (after 0h move to consulted)",
            "steps[assess]: added (automatic)",
        ]);
    }

    [Test]
    public void Should_show_changed_outputs_and_timer_unit()
    {
        _from.Steps.Add(new StepDefinition { Id = "assess", Kind = StepKind.Automatic, Handler = "assess", Outputs = ["fee"], Next = "approve" });
        _to.Steps.Add(new StepDefinition { Id = "assess", Kind = StepKind.Automatic, Handler = "assess", Outputs = ["fee", "total"], Next = "approve" });
        _from.Steps.Add(new StepDefinition { Id = "wait", Kind = StepKind.Timer, Duration = WorkingTime.Days(1), Next = "approve" });
        _to.Steps.Add(new StepDefinition { Id = "wait", Kind = StepKind.Timer, Duration = WorkingTime.Days(1), Unit = "$unit", Next = "approve" });
        Changes().ShouldBe(["steps[assess].outputs: [fee] → [fee, total]", "steps[wait].unit: (none) → $unit"]);
    }

    [Test]
    public void Should_show_a_new_implicit_start()
    {
        _to.Steps.Reverse();
        Changes().ShouldBe(["start: receive → refused"]);
    }
}
