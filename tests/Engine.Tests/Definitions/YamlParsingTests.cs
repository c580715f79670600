using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_yaml_is_well_formed
{
    private const string Yaml = """
        id: permit
        version: 3
        title: Permit
        description: |
          Two lines
          of text.
        legalLimit: 15d
        start: receive
        inputs:
          - name: applicantName
            type: text
            required: true
            title: Applicant
          - name: submittedAt
            type: date-time
        steps:
          - id: receive
            kind: human
            title: Receive
            role: clerk
            unit: $receivingUnit
            assignee: ${clerk.id}
            budget: 4h
            form:
              - name: decision
                label: Decision
                type: select
                required: true
                options: [accept, reject]
            actions:
              - name: accept
                title: Accept
                to: notify
                guard: decision == 'accept'
                commentRequired: true
                requires: [decision]
          - id: notify
            kind: automatic
            set: { fee: 50000, rate: 0.5, paid: false, note: null, code: "123", label: plain text, total: =fee * rate }
            emit:
              type: received
              data: { code: $code, count: 2 }
            handler: stamp
            next: wait
          - id: wait
            kind: timer
            duration: 0.5d
            next: done
          - id: done
            kind: end
            outcome: approved
        """;

    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp() => _definition = Samples.Parse(Yaml);

    [Test]
    public void Should_read_the_header()
    {
        (_definition.Id, _definition.Version, _definition.Title, _definition.Start).ShouldBe(("permit", 3, "Permit", "receive"));
        _definition.Description.ShouldBe("Two lines\nof text.\n");
        _definition.LegalLimit.ShouldBe(WorkingTime.Days(15));
        _definition.Inputs.Select(i => (i.Name, i.Type, i.Required, i.Title))
            .ShouldBe([("applicantName", FieldType.Text, true, "Applicant"), ("submittedAt", FieldType.DateTime, false, null)]);
    }

    [Test]
    public void Should_read_a_human_step()
    {
        var step = _definition.Steps[0];
        (step.Kind, step.Title, step.Role, step.Unit, step.Assignee, step.Budget)
            .ShouldBe((StepKind.Human, "Receive", "clerk", "$receivingUnit", "${clerk.id}", WorkingTime.Hours(4)));
        var field = step.Form.ShouldHaveSingleItem();
        (field.Name, field.Label, field.Type, field.Required).ShouldBe(("decision", "Decision", FieldType.Select, true));
        field.Options.ShouldBe(["accept", "reject"]);
        var action = step.Actions.ShouldHaveSingleItem();
        (action.Name, action.Title, action.To, action.Guard, action.CommentRequired)
            .ShouldBe(("accept", "Accept", "notify", "decision == 'accept'", true));
        action.Requires.ShouldBe(["decision"]);
    }

    [Test]
    public void Should_keep_plain_numbers_and_booleans_typed_and_quoted_values_as_text()
    {
        var set = _definition.Steps[1].Set;
        set["fee"].ShouldBe(50000L);
        set["rate"].ShouldBe(0.5m);
        set["paid"].ShouldBe(false);
        set["note"].ShouldBeNull();
        set["code"].ShouldBe("123");
        set["label"].ShouldBe("plain text");
        set["total"].ShouldBe("=fee * rate");
    }

    [Test]
    public void Should_read_automatic_timer_and_end_steps()
    {
        var notify = _definition.Steps[1];
        (notify.Kind, notify.Emit!.Type, notify.Handler, notify.Next).ShouldBe((StepKind.Automatic, "received", "stamp", "wait"));
        notify.Emit.Data.ShouldBe(new Dictionary<string, object?> { ["code"] = "$code", ["count"] = 2L });
        (_definition.Steps[2].Kind, _definition.Steps[2].Duration).ShouldBe((StepKind.Timer, WorkingTime.Days(0.5m)));
        (_definition.Steps[3].Kind, _definition.Steps[3].Outcome).ShouldBe((StepKind.End, "approved"));
    }

    [Test]
    public void Should_read_a_split_with_branches()
    {
        var split = Samples.ConsultationDefinition().Step("consult");
        (split.Kind, split.Join).ShouldBe((StepKind.Split, "consulted"));
        split.Branches.Select(b => (b.Name, b.Start, b.Budget))
            .ShouldBe([("tax", "tax-opinion", WorkingTime.Days(5)), ("land", "land-opinion", (WorkingTime?)null)]);
    }
}

public sealed class When_yaml_is_malformed
{
    [Test]
    public void Should_report_the_line_and_column_and_no_definition()
    {
        var result = DefinitionYaml.Parse("id: x\nsteps:\n  - id: a\n    kind: human\n   role: clerk\n");
        result.Definition.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().ShouldBe(
            new DefinitionProblem("", "While parsing a block collection, did not find expected '-' indicator.", 5, 4));
    }

    [Test]
    public void Should_still_give_a_position_when_the_yaml_library_fails_unexpectedly()
    {
        // YamlDotNet throws InvalidOperationException instead of YamlException for this unclosed flow list.
        var problem = DefinitionYaml.Parse("id: x\nsteps:\n  - id: a\n    kind: [human\n  - id: b\n").Problems.ShouldHaveSingleItem();
        problem.ToString().ShouldBe("the YAML could not be read from here on (an unclosed bracket?) (line 4, column 11)");
    }

    [Test]
    public void Should_report_a_duplicate_key_where_it_is()
    {
        var problem = DefinitionYaml.Parse("id: x\ntitle: a\ntitle: b\n").Problems.ShouldHaveSingleItem();
        (problem.Line, problem.Column).ShouldBe((3, 1));
    }

    [TestCase("")]
    [TestCase("# only a comment\n")]
    public void Should_say_an_empty_document_is_empty(string yaml) =>
        DefinitionYaml.Parse(yaml).Problems.ShouldHaveSingleItem().ToString().ShouldBe("the document is empty");

    [Test]
    public void Should_refuse_several_documents()
    {
        var problem = DefinitionYaml.Parse("id: a\n---\nid: b\n").Problems.ShouldHaveSingleItem();
        problem.ToString().ShouldBe("expected one definition per file, found several YAML documents (line 3, column 1)");
    }

    [Test]
    public void Should_refuse_a_document_that_is_not_a_mapping()
    {
        var result = DefinitionYaml.Parse("- id: a\n");
        result.Definition.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().ToString().ShouldBe("expected a mapping, got a list (line 1, column 1)");
    }

    [Test]
    public void Should_stop_an_alias_bomb_instead_of_expanding_it()
    {
        // 100 steps × 100 fields × 100 options from a few kilobytes of text.
        var options = string.Join(", ", Enumerable.Repeat("x", 100));
        var fields = "&f { name: f, options: [" + options + "] }" + string.Concat(Enumerable.Repeat(", *f", 99));
        var yaml = "id: bomb\nsteps:\n  - &s { id: s, kind: human, form: [" + fields + "] }\n"
            + string.Concat(Enumerable.Repeat("  - *s\n", 99));
        var result = DefinitionYaml.Parse(yaml);
        result.Definition.ShouldBeNull();
        result.Problems.ShouldHaveSingleItem().Message.ShouldStartWith("the document is too large");
    }
}
