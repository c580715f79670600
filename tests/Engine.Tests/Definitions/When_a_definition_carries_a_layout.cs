using Engine.Definitions;

namespace Engine.Tests.Definitions;

/// <summary>The optional <c>layout</c> block: step positions a designer keeps in the file, which nothing but the designer reads.</summary>
public sealed class When_a_definition_carries_a_layout
{
    private const string Body = """
        id: signed
        version: 1
        title: Signed
        steps:
          - id: sign
            kind: human
            role: clerk
            budget: 1d
            actions: [{ name: done, to: done }]
          - id: done
            kind: end
            outcome: approved
        """;

    private const string Layout = """

        layout:
          sign: { x: 8, y: 8.5 }
          done:
            x: 8
            y: 104
        """;

    [Test]
    public void Should_read_the_positions_and_write_them_back()
    {
        var parsed = DefinitionYaml.ParseAndValidate(Body + Layout);

        parsed.Problems.ShouldBeEmpty();
        parsed.Definition!.Layout["sign"].Y.ShouldBe(8.5);
        parsed.Definition.Layout["done"].Y.ShouldBe(104);
        var again = DefinitionYaml.Parse(DefinitionYaml.ToYaml(parsed.Definition)).Definition!;
        again.Layout.Keys.ShouldBe(["sign", "done"]);
        again.Layout["sign"].X.ShouldBe(8);
        DefinitionJson.Deserialize(DefinitionJson.Serialize(parsed.Definition)).Layout["done"].Y.ShouldBe(104);
    }

    [Test]
    public void Should_leave_the_body_hash_and_the_diff_as_they_are_without_one()
    {
        var without = DefinitionYaml.Parse(Body).Definition!;
        var with = DefinitionYaml.Parse(Body + Layout).Definition!;

        DefinitionJson.Serialize(without).ShouldNotContain("layout");
        DefinitionDiff.Compare(without, with).ShouldBeEmpty();
        DefinitionValidator.Validate(with).ShouldBe(DefinitionValidator.Validate(without));
    }

    [Test]
    public void Should_name_a_position_that_is_not_a_number()
    {
        var parsed = DefinitionYaml.Parse(Body + "\nlayout:\n  sign: { x: left, y: 8 }\n  done: { x: 1, y: 2, z: 3 }\n  other: 4\n");

        parsed.Problems.Select(p => (p.Path, p.Message)).ShouldBe([
            ("layout.sign.x", "expected a number, got 'left'"),
            ("layout.done.z", "unknown property"),
            ("layout.other", "expected a mapping, got '4'"),
        ]);
    }
}
