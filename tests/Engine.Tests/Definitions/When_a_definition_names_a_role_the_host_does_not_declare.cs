using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_definition_names_a_role_the_host_does_not_declare
{
    private static readonly DefinitionValidationContext Declared = new(new HashSet<string>(),
        new HashSet<string> { "unit-leader", "clerk", "specialist", "section-head", "consulted-officer" });

    private const string Listed = "(declared: clerk, consulted-officer, section-head, specialist, unit-leader)";

    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ApprovalDefinition();
        _definition.Step("approve").Role = "unit-leader";
    }

    [Test]
    public void Should_accept_declared_roles() => Samples.Problems(_definition, Declared).ShouldBeEmpty();

    [Test]
    public void Should_not_check_roles_the_host_did_not_declare()
    {
        _definition.Step("process").Role = "specialst";
        Samples.Problems(_definition).ShouldBeEmpty();
        Samples.Problems(_definition, new DefinitionValidationContext(new HashSet<string>())).ShouldBeEmpty();
    }

    [Test]
    public void Should_name_the_unknown_role_of_a_step_and_the_declared_ones()
    {
        _definition.Step("receive").Role = "clerck";
        Samples.Problems(_definition, Declared).ShouldBe([$"steps[0].role: unknown role 'clerck' {Listed}"]);
    }

    [Test]
    public void Should_compare_roles_exactly()
    {
        _definition.Step("receive").Role = "Clerk";
        Samples.Problems(_definition, Declared).ShouldBe([$"steps[0].role: unknown role 'Clerk' {Listed}"]);
    }

    [Test]
    public void Should_name_the_unknown_role_of_an_escalation()
    {
        _definition.Step("process").OnOverdue.AddRange([
            new DeadlineRule { Do = DeadlineAction.Escalate, Role = "section-head" },
            new DeadlineRule { Do = DeadlineAction.Escalate, Role = "director" },
        ]);
        Samples.Problems(_definition, Declared).ShouldBe([$"steps[1].onOverdue[1].role: unknown role 'director' {Listed}"]);
    }

    [Test]
    public void Should_name_the_unknown_role_of_a_branch_escalation()
    {
        var definition = Samples.ConsultationDefinition();
        foreach (var step in definition.Steps.Where(s => s.Kind == StepKind.Human)) step.Role = "specialist";
        definition.Step("consult").Branches[1].Budget = WorkingTime.Days(6);
        definition.Step("consult").Branches[1].OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Escalate, Role = "land-officer" });
        Samples.Problems(definition, Declared).ShouldBe([$"steps[1].branches[1].onOverdue[0].role: unknown role 'land-officer' {Listed}"]);
    }

    [Test]
    public void Should_report_a_role_on_a_rule_that_does_not_escalate_only_once()
    {
        _definition.Step("process").OnOverdue.Add(new DeadlineRule { Do = DeadlineAction.Remind, Role = "director" });
        Samples.Problems(_definition, Declared).ShouldBe(["steps[1].onOverdue[0].role: 'role' applies only to 'escalate', not to 'remind'"]);
    }

    [Test]
    public void Should_say_when_the_host_declares_no_role_at_all()
    {
        Samples.Problems(_definition, new DefinitionValidationContext(new HashSet<string>(), new HashSet<string>()))
            .ShouldBe([
                "steps[0].role: unknown role 'clerk' (none declared)",
                "steps[1].role: unknown role 'specialist' (none declared)",
                "steps[2].role: unknown role 'unit-leader' (none declared)",
            ]);
    }

    [Test]
    public void Should_place_the_problem_at_the_line_of_the_role()
    {
        var yaml = Samples.Approval.Replace("role: leader", "role: unit-leader", StringComparison.Ordinal)
            .Replace("role: specialist", "role: specalist", StringComparison.Ordinal);
        DefinitionYaml.ParseAndValidate(yaml, Declared).Problems.Select(p => p.ToString())
            .ShouldBe([$"steps[1].role: unknown role 'specalist' {Listed} (line 15, column 11)"]);
    }
}
