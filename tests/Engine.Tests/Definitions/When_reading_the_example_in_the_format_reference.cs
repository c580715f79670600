using Engine.Definitions;

namespace Engine.Tests.Definitions;

/// <summary>The reference document's full example must stay a valid definition.</summary>
public sealed class When_reading_the_example_in_the_format_reference
{
    private static string FirstYamlBlock()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docs", "workflow-definitions.md")))
            directory = directory.Parent;
        directory.ShouldNotBeNull("docs/workflow-definitions.md not found above the test directory");
        var text = File.ReadAllText(Path.Combine(directory.FullName, "docs", "workflow-definitions.md")).ReplaceLineEndings("\n");
        var start = text.IndexOf("```yaml\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        start += "```yaml\n".Length;
        return text[start..text.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    [Test]
    public void Should_parse_and_validate_without_problems()
    {
        var result = DefinitionYaml.ParseAndValidate(FirstYamlBlock());
        result.Problems.Select(p => p.ToString()).ShouldBeEmpty();
        result.Definition.ShouldNotBeNull().Id.ShouldBe("household-business-registration");
    }

    [Test]
    public void Should_have_the_longest_path_the_document_describes()
    {
        var definition = DefinitionYaml.Parse(FirstYamlBlock()).Definition!;
        DefinitionValidator.LongestPathBudget(definition, out var path).ShouldBe(WorkingTime.Days(11));
        path.ShouldBe(["receive", "assign", "process", "consult", "tax-opinion", "consulted", "finalise",
            "review", "approve", "sign", "return", "archive", "approved"]);
    }

    [Test]
    public void Should_end_in_the_three_outcomes()
    {
        var definition = DefinitionYaml.Parse(FirstYamlBlock()).Definition!;
        definition.Steps.Where(s => s.Kind == StepKind.End).Select(s => s.Outcome).ShouldBe(["approved", "refused", "withdrawn"]);
    }
}
