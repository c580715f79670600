using System.Text.Json.Nodes;
using Engine.Definitions;

namespace Engine.Tests.Definitions;

/// <summary>Deadline rules, calendar units on timers and branches, and handler outputs, through YAML and JSON.</summary>
public sealed class When_yaml_has_deadline_rules_calendar_units_and_outputs
{
    private const string Yaml = """
        id: consult
        version: 1
        title: Consultation
        inputs:
          - name: taxUnit
            type: unit
        steps:
          - id: process
            kind: human
            role: specialist
            budget: 2d
            actions: [{ name: consult, to: consult }]
            onOverdue:
              - do: remind
              - after: 1d
                do: escalate
                role: section-head
                unit: $taxUnit
          - id: consult
            kind: split
            branches:
              - name: tax
                start: assess
                budget: 5d
                unit: $taxUnit
                onOverdue:
                  - { after: 0.5d, do: move, to: consulted }
              - name: wait
                start: wait
            join: consulted
          - id: assess
            kind: automatic
            handler: assess-tax
            outputs: [taxAmount, taxNoticeNumber]
            next: consulted
          - id: wait
            kind: timer
            duration: 4h
            unit: $taxUnit
            next: consulted
          - id: consulted
            kind: join
            next: done
          - id: done
            kind: end
            outcome: approved
        """;

    private WorkflowDefinition _definition = null!;

    [SetUp]
    public void SetUp() => _definition = Samples.Parse(Yaml);

    [Test]
    public void Should_read_the_deadline_rules_of_a_human_step()
    {
        _definition.Step("process").OnOverdue.Select(r => (r.After, r.Do, r.To, r.Role, r.Unit)).ShouldBe([
            (null, DeadlineAction.Remind, null, null, null),
            (WorkingTime.Days(1), DeadlineAction.Escalate, null, "section-head", "$taxUnit"),
        ]);
    }

    [Test]
    public void Should_read_a_branch_unit_and_its_deadline_rules()
    {
        var tax = _definition.Step("consult").Branches[0];
        tax.Unit.ShouldBe("$taxUnit");
        var rule = tax.OnOverdue.ShouldHaveSingleItem();
        (rule.After, rule.Do, rule.To).ShouldBe((WorkingTime.Days(0.5m), DeadlineAction.Move, "consulted"));
    }

    [Test]
    public void Should_read_a_timer_unit_and_handler_outputs()
    {
        _definition.Step("wait").Unit.ShouldBe("$taxUnit");
        _definition.Step("assess").Outputs.ShouldBe(["taxAmount", "taxNoticeNumber"]);
    }

    [Test]
    public void Should_validate_without_problems() => Samples.Problems(_definition).ShouldBeEmpty();

    [Test]
    public void Should_store_them_as_short_json()
    {
        var json = JsonNode.Parse(DefinitionJson.Serialize(_definition))!;
        json["steps"]![0]!["onOverdue"]!.ToJsonString()
            .ShouldBe("""[{"do":"remind"},{"after":"1d","do":"escalate","role":"section-head","unit":"$taxUnit"}]""");
        json["steps"]![1]!["branches"]![0]!["onOverdue"]!.ToJsonString().ShouldBe("""[{"after":"0.5d","do":"move","to":"consulted"}]""");
        json["steps"]![2]!["outputs"]!.ToJsonString().ShouldBe("""["taxAmount","taxNoticeNumber"]""");
        json["steps"]![3]!["unit"]!.GetValue<string>().ShouldBe("$taxUnit");
    }

    [Test]
    public void Should_read_back_the_same_from_json_and_from_the_yaml_it_writes()
    {
        var json = DefinitionJson.Serialize(_definition);
        DefinitionJson.Serialize(DefinitionJson.Deserialize(json)).ShouldBe(json);
        DefinitionJson.Serialize(Samples.Parse(DefinitionYaml.ToYaml(_definition))).ShouldBe(json);
    }

    [Test]
    public void Should_write_the_documented_shape()
    {
        var yaml = DefinitionYaml.ToYaml(_definition);
        yaml.ShouldContain("    onOverdue:\n      - do: remind\n      - after: 1d\n        do: escalate\n        role: section-head\n");
        yaml.ShouldContain("    outputs: [taxAmount, taxNoticeNumber]\n");
    }
}

public sealed class When_a_deadline_rule_is_malformed_yaml
{
    private static List<string> Problems(string rule) =>
        DefinitionYaml.Parse($"steps:\n  - id: a\n    kind: human\n    onOverdue:\n      - {rule}\n").Problems.Select(p => p.ToString()).ToList();

    [Test]
    public void Should_need_do() =>
        Problems("{ after: 1d }").ShouldBe(["steps[0].onOverdue[0].do: missing do (line 5, column 9)"]);

    [Test]
    public void Should_name_an_unknown_action_and_list_the_known_ones() =>
        Problems("{ do: wait }").ShouldBe([
            "steps[0].onOverdue[0].do: unknown deadline action 'wait' (expected remind, escalate or move) (line 5, column 15)",
        ]);

    [Test]
    public void Should_name_an_unknown_key() =>
        Problems("{ do: move, target: b }").ShouldBe(["steps[0].onOverdue[0].target: unknown property (line 5, column 21)"]);
}
