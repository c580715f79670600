using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_yaml_key_is_unknown
{
    [Test]
    public void Should_name_the_path_and_the_key_position()
    {
        var yaml = Samples.Approval.Replace("    role: leader", "    rolee: leader", StringComparison.Ordinal);
        var result = DefinitionYaml.Parse(yaml);
        result.Problems.Select(p => p.ToString()).ShouldBe(["steps[2].rolee: unknown property (line 22, column 5)"]);
        result.Definition.ShouldNotBeNull().Step("approve").Role.ShouldBeNull();
    }

    [Test]
    public void Should_name_unknown_keys_at_every_level()
    {
        var yaml = "id: x\nversion: 1\ntitle: X\nlegal_limit: 2d\nsteps:\n  - id: e\n    kind: end\n    outcome: done\n" +
                   "    actions:\n      - name: a\n        too: b\n";
        DefinitionYaml.Parse(yaml).Problems.Select(p => p.ToString()).ShouldBe([
            "legal_limit: unknown property (line 4, column 1)",
            "steps[0].actions[0].too: unknown property (line 11, column 9)",
        ]);
    }
}

public sealed class When_a_yaml_value_has_the_wrong_type
{
    private static List<string> Problems(string yaml) => DefinitionYaml.Parse(yaml).Problems.Select(p => p.ToString()).ToList();

    [Test]
    public void Should_name_a_version_that_is_not_a_number() =>
        Problems("id: x\nversion: one\n").ShouldBe(["version: expected a whole number, got 'one' (line 2, column 10)"]);

    [Test]
    public void Should_name_a_working_time_that_does_not_parse() =>
        Problems("steps:\n  - id: a\n    kind: human\n    budget: 2 days\n")
            .ShouldBe(["steps[0].budget: '2 days' is not a working time such as '2d', '0.5d' or '4h' (line 4, column 13)"]);

    [Test]
    public void Should_name_a_number_given_as_working_time() =>
        Problems("legalLimit: 10\n").ShouldBe(["legalLimit: '10' is not a working time such as '2d', '0.5d' or '4h' (line 1, column 13)"]);

    [Test]
    public void Should_name_an_unknown_kind_and_list_the_known_ones() =>
        Problems("steps:\n  - id: a\n    kind: humann\n").ShouldBe([
            "steps[0].kind: unknown step kind 'humann' (expected human, automatic, timer, split, join or end) (line 3, column 11)",
        ]);

    [Test]
    public void Should_name_a_missing_kind() =>
        Problems("steps:\n  - id: a\n    role: clerk\n").ShouldBe(["steps[0].kind: missing kind (line 2, column 5)"]);

    [Test]
    public void Should_name_a_flag_that_is_not_true_or_false() =>
        Problems("steps:\n  - id: a\n    kind: human\n    actions:\n      - name: b\n        commentRequired: yes\n")
            .ShouldBe(["steps[0].actions[0].commentRequired: expected true or false, got 'yes' (line 6, column 26)"]);

    [Test]
    public void Should_name_structures_where_text_or_lists_are_expected() =>
        Problems("title: [a]\nsteps:\n  id: a\n").ShouldBe([
            "title: expected text, got a list (line 1, column 8)",
            "steps: expected a list, got a mapping (line 3, column 3)",
        ]);

    [Test]
    public void Should_name_a_set_value_that_is_not_a_single_value() =>
        Problems("steps:\n  - id: a\n    kind: automatic\n    set:\n      tags: [a, b]\n")
            .ShouldBe(["steps[0].set.tags: expected a single value (text, number, true/false or null), got a list (line 5, column 13)"]);

    [Test]
    public void Should_name_an_unknown_field_type() =>
        Problems("inputs:\n  - name: a\n    type: string\n").ShouldBe([
            "inputs[0].type: unknown field type 'string' (expected text, textarea, number, date, dateTime, boolean, select, file, user, unit or list) (line 3, column 11)",
        ]);

    [Test]
    public void Should_keep_reading_after_a_bad_value()
    {
        var result = DefinitionYaml.Parse("id: x\nversion: one\ntitle: X\n");
        result.Definition.ShouldNotBeNull().Title.ShouldBe("X");
        result.Succeeded.ShouldBeFalse();
    }
}

public sealed class When_parsing_and_validating_together
{
    [Test]
    public void Should_place_validation_problems_at_the_line_of_their_path()
    {
        var yaml = Samples.Approval.Replace("to: approved", "to: aprove", StringComparison.Ordinal);
        DefinitionYaml.ParseAndValidate(yaml).Problems.Select(p => p.ToString()).ShouldBe([
            "steps[2].actions[0].to: unknown step 'aprove' (line 26, column 13)",
            "steps[3]: step 'approved' is unreachable from 'receive' (line 32, column 5)",
        ]);
    }

    [Test]
    public void Should_return_parse_problems_without_validating()
    {
        var result = DefinitionYaml.ParseAndValidate("id: x\nversion: one\n");
        result.Problems.Select(p => p.Path).ShouldBe(["version"]);
    }

    [Test]
    public void Should_pass_the_handler_context_on()
    {
        var yaml = "id: x\nversion: 1\ntitle: X\nsteps:\n  - id: a\n    kind: automatic\n    handler: stamp\n    next: b\n" +
                   "  - id: b\n    kind: end\n    outcome: done\n";
        var context = new DefinitionValidationContext(new HashSet<string>());
        DefinitionYaml.ParseAndValidate(yaml, context).Problems.Select(p => p.ToString())
            .ShouldBe(["steps[0].handler: unknown handler 'stamp' (line 7, column 14)"]);
    }
}
