using Engine.Definitions;

namespace Engine.Tests.Definitions;

/// <summary>A timer and a branch may name the unit whose office hours count their time.</summary>
public sealed class When_a_timer_or_a_branch_names_its_calendar_unit
{
    private WorkflowDefinition _definition = null!;
    private StepDefinition _wait = null!;

    [SetUp]
    public void SetUp()
    {
        _definition = Samples.ConsultationDefinition();
        _definition.Inputs.Add(new InputDefinition { Name = "landUnit", Type = FieldType.Unit });
        _definition.Step("land-opinion").Actions[0].To = "wait";
        _wait = new StepDefinition { Id = "wait", Kind = StepKind.Timer, Duration = WorkingTime.Days(1), Next = "land-check" };
        _definition.Steps.Add(_wait); // steps[8]
    }

    [Test]
    public void Should_accept_a_literal_unit_and_a_variable_reference()
    {
        _wait.Unit = "$landUnit";
        _definition.Step("consult").Branches[0].Unit = "tax-office";
        _definition.Step("consult").Branches[1].Unit = "${landUnit}";
        Samples.Problems(_definition).ShouldBeEmpty();
    }

    [Test]
    public void Should_refuse_a_malformed_reference_on_a_timer()
    {
        _wait.Unit = "$ landUnit";
        Samples.Problems(_definition).ShouldBe(["steps[8].unit: '$ landUnit' is not a variable reference such as $name or ${name}"]);
    }

    [Test]
    public void Should_refuse_a_malformed_reference_on_a_branch()
    {
        _definition.Step("consult").Branches[1].Unit = "${land unit}";
        Samples.Problems(_definition).ShouldBe(["steps[1].branches[1].unit: '${land unit}' is not a variable reference such as $name or ${name}"]);
    }

    [Test]
    public void Should_still_refuse_a_unit_on_a_join()
    {
        _definition.Step("consulted").Unit = "tax-office";
        Samples.Problems(_definition).ShouldBe(["steps[5].unit: 'unit' does not apply to a join step"]);
    }
}
