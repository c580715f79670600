using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_the_header_is_wrong
{
    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp() => _definition = Samples.ApprovalDefinition();

    [Test]
    public void Should_name_a_missing_id()
    {
        _definition.Id = "";
        Samples.Problems(_definition).ShouldBe(["id: missing id"]);
    }

    [TestCase("Permit")]
    [TestCase("permit_v2")]
    [TestCase("-permit")]
    [TestCase("permit--x")]
    public void Should_reject_an_id_that_is_not_a_slug(string id)
    {
        _definition.Id = id;
        Samples.Problems(_definition).ShouldBe([$"id: id '{id}' must be lowercase letters and digits separated by '-', such as 'building-permit'"]);
    }

    [Test]
    public void Should_name_a_missing_title()
    {
        _definition.Title = " ";
        Samples.Problems(_definition).ShouldBe(["title: missing title"]);
    }

    [Test]
    public void Should_reject_version_zero()
    {
        _definition.Version = 0;
        Samples.Problems(_definition).ShouldBe(["version: version must be 1 or more, got 0"]);
    }

    [Test]
    public void Should_name_an_unknown_start_step()
    {
        _definition.Start = "recieve";
        Samples.Problems(_definition).ShouldBe(["start: unknown step 'recieve'"]);
    }

    [Test]
    public void Should_reject_a_legal_limit_that_is_not_positive()
    {
        _definition.LegalLimit = WorkingTime.Days(0);
        Samples.Problems(_definition).ShouldBe(["legalLimit: legal limit must be positive, got '0d'"]);
    }

    [Test]
    public void Should_require_at_least_one_step()
    {
        _definition.Steps.Clear();
        Samples.Problems(_definition).ShouldBe(["steps: a definition needs at least one step"]);
    }
}

public sealed class When_inputs_are_wrong
{
    [Test]
    public void Should_name_missing_duplicate_and_unusable_input_names()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Inputs.AddRange([
            new InputDefinition { Name = "applicant" },
            new InputDefinition { Name = "" },
            new InputDefinition { Name = "applicant" },
            new InputDefinition { Name = "full-name" },
        ]);
        Samples.Problems(definition).ShouldBe([
            "inputs[1].name: missing input name",
            "inputs[3].name: input name 'full-name' must be letters, digits and '_', not starting with a digit",
            "inputs[2].name: duplicate input 'applicant' (first at inputs[0])",
        ]);
    }
}

public sealed class When_step_ids_are_wrong
{
    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp() => _definition = Samples.ApprovalDefinition();

    [Test]
    public void Should_name_a_duplicate_and_where_it_was_first()
    {
        _definition.Steps.Add(new StepDefinition { Id = "process", Kind = StepKind.End, Outcome = "x" });
        Samples.Problems(_definition).ShouldBe(["steps[5].id: duplicate step id 'process' (first at steps[1])"]);
    }

    [Test]
    public void Should_reject_an_id_with_capitals_or_spaces()
    {
        _definition.Steps.Add(new StepDefinition { Id = "Final Step", Kind = StepKind.End, Outcome = "x" });
        Samples.Problems(_definition).ShouldBe([
            "steps[5].id: step id 'Final Step' must be lowercase letters and digits separated by '-' or '_'",
            "steps[5]: step 'Final Step' is unreachable from 'receive'",
        ]);
    }

    [Test]
    public void Should_name_a_missing_id()
    {
        _definition.Steps.Add(new StepDefinition { Kind = StepKind.End, Outcome = "x" });
        Samples.Problems(_definition).ShouldBe(["steps[5].id: missing step id"]);
    }
}
