using Engine.Definitions;

namespace Engine.Tests.Definitions;

public sealed class When_a_definition_is_written_as_yaml
{
    [Test]
    public void Should_read_back_to_the_same_definition()
    {
        foreach (var definition in new[] { Samples.ApprovalDefinition(), Samples.ConsultationDefinition() })
        {
            var yaml = DefinitionYaml.ToYaml(definition);
            DefinitionJson.Serialize(Samples.Parse(yaml)).ShouldBe(DefinitionJson.Serialize(definition));
        }
    }

    [Test]
    public void Should_quote_text_that_would_read_back_as_another_type()
    {
        var definition = Samples.ApprovalDefinition();
        definition.Title = "123";
        definition.Description = "line one\nline two";
        definition.Steps[0].Set["code"] = "true";
        definition.Steps[0].Set["count"] = 2L;
        definition.Steps[0].Set["guardish"] = "a: b # not a comment";
        var back = DefinitionYaml.Parse(DefinitionYaml.ToYaml(definition)).Definition!;
        back.Title.ShouldBe("123");
        back.Description.ShouldBe("line one\nline two");
        back.Steps[0].Set.ShouldBe(new Dictionary<string, object?> { ["code"] = "true", ["count"] = 2L, ["guardish"] = "a: b # not a comment" });
    }

    [Test]
    public void Should_use_the_documented_shape()
    {
        var yaml = DefinitionYaml.ToYaml(Samples.ApprovalDefinition());
        yaml.ShouldStartWith("id: permit\nversion: 1\ntitle: Permit\nlegalLimit: 10d\nsteps:\n  - id: receive\n    kind: human\n");
        yaml.ShouldContain("        commentRequired: true\n");
    }
}
