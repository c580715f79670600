using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_human_step_has_deadline_rules
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _process = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ApprovalDefinition();
        _process = _definition.Step("process"); // steps[1]
    }

    private void Rule(DeadlineRule rule) => _process.OnOverdue.Add(rule);

    [Test]
    public void Should_accept_remind_escalate_and_move_even_at_the_same_time()
    {
        Rule(new DeadlineRule { Do = DeadlineAction.Remind });
        Rule(new DeadlineRule { After = WorkingTime.Days(1), Do = DeadlineAction.Escalate, Role = "section-head" });
        Rule(new DeadlineRule { After = WorkingTime.Days(1), Do = DeadlineAction.Escalate, Unit = "unit-02" });
        Rule(new DeadlineRule { After = WorkingTime.Hours(16), Do = DeadlineAction.Move, To = "approve" });
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_refuse_a_negative_after()
    {
        Rule(new DeadlineRule { After = WorkingTime.Days(-1), Do = DeadlineAction.Remind });
        Samples.Problems(_definition).ShouldBe(["steps[1].onOverdue[0].after: after must not be negative, got '-1d'"]);
    }

    [Test]
    public void Should_need_a_target_to_move_to()
    {
        Rule(new DeadlineRule { Do = DeadlineAction.Move });
        Samples.Problems(_definition).ShouldBe(["steps[1].onOverdue[0].to: missing target step: 'move' needs 'to'"]);
    }

    [Test]
    public void Should_name_an_unknown_target()
    {
        Rule(new DeadlineRule { Do = DeadlineAction.Move, To = "aprove" });
        Samples.Problems(_definition).ShouldBe(["steps[1].onOverdue[0].to: unknown step 'aprove'"]);
    }

    [Test]
    public void Should_refuse_a_target_on_a_rule_that_does_not_move()
    {
        Rule(new DeadlineRule { Do = DeadlineAction.Remind, To = "approve" });
        Samples.Problems(_definition).ShouldBe(["steps[1].onOverdue[0].to: 'to' applies only to 'move', not to 'remind'"]);
    }

    [Test]
    public void Should_refuse_a_role_and_a_unit_on_a_rule_that_does_not_escalate()
    {
        Rule(new DeadlineRule { Do = DeadlineAction.Move, To = "approve", Role = "section-head", Unit = "unit-02" });
        Samples.Problems(_definition).ShouldBe([
            "steps[1].onOverdue[0].role: 'role' applies only to 'escalate', not to 'move'",
            "steps[1].onOverdue[0].unit: 'unit' applies only to 'escalate', not to 'move'",
        ]);
    }

    [Test]
    public void Should_need_a_role_or_a_unit_to_escalate()
    {
        Rule(new DeadlineRule { Do = DeadlineAction.Escalate });
        Samples.Problems(_definition).ShouldBe(["steps[1].onOverdue[0]: 'escalate' needs a role or a unit to hand the work to"]);
    }

    [Test]
    public void Should_refuse_a_malformed_unit_reference()
    {
        Rule(new DeadlineRule { Do = DeadlineAction.Escalate, Unit = "$ unit" });
        Samples.Problems(_definition).ShouldBe(["steps[1].onOverdue[0].unit: '$ unit' is not a variable reference such as $name or ${name}"]);
    }

    [Test]
    public void Should_count_a_move_as_a_way_to_a_step_nothing_else_reaches()
    {
        _definition.Steps.Add(new StepDefinition { Id = "lapsed", Kind = StepKind.End, Outcome = "lapsed" });
        Rule(new DeadlineRule { Do = DeadlineAction.Move, To = "lapsed" });
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_count_a_move_as_a_way_out_of_a_loop()
    {
        // process ⇄ check never reaches an end by its actions; the deadline moves it on.
        _process.Actions[0].To = "check";
        _definition.Steps.Add(new StepDefinition
        {
            Id = "check", Kind = StepKind.Human, Role = "specialist", Budget = WorkingTime.Days(1),
            Actions = [new ActionDefinition { Name = "again", To = "process" }],
            OnOverdue = [new DeadlineRule { Do = DeadlineAction.Move, To = "approve" }],
        });
        Samples.Problems(_definition).ShouldBeEmpty();
    }
}

public sealed class When_a_branch_has_deadline_rules
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _split = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ConsultationDefinition();
        _split = _definition.Step("consult"); // steps[1]
        _split.Branches[1].Budget = WorkingTime.Days(6);
    }

    [Test]
    public void Should_accept_no_answer_as_no_objection_and_an_escalation()
    {
        _split.Branches[0].OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Move, To = "consulted" });
        _split.Branches[1].OnOverdue.AddRange([
            new DeadlineRule { Do = DeadlineAction.Remind },
            new DeadlineRule { After = WorkingTime.Days(2), Do = DeadlineAction.Escalate, Unit = "land-office" },
        ]);
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_check_each_rule_at_its_path()
    {
        _split.Branches[1].OnOverdue.AddRange([
            new DeadlineRule { Do = DeadlineAction.Remind },
            new DeadlineRule { Do = DeadlineAction.Move, After = WorkingTime.Hours(-2) },
        ]);
        Samples.Problems(_definition).ShouldBe([
            "steps[1].branches[1].onOverdue[1].after: after must not be negative, got '-2h'",
            "steps[1].branches[1].onOverdue[1].to: missing target step: 'move' needs 'to'",
        ]);
    }

    [Test]
    public void Should_need_the_budget_that_sets_the_branch_due_time()
    {
        _split.Branches[1].Budget = null;
        _split.Branches[1].OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Remind });
        Samples.Problems(_definition).ShouldBe([
            "steps[1].branches[1].onOverdue: branch 'land' needs a budget: its deadline rules count from the branch's due time",
        ]);
    }

    [Test]
    public void Should_let_a_move_bring_a_looping_branch_to_its_join()
    {
        _definition.Step("land-check").Actions[0].To = "land-opinion";
        _definition.Step("land-check").OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Move, To = "consulted" });
        Samples.Problems(_definition).ShouldBeEmpty();
    }
}
