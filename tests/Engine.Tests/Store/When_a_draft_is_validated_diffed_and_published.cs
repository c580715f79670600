using Engine.Definitions;
using Engine.Runtime;

namespace Engine.Tests.Store;

public sealed class When_a_draft_is_validated_diffed_and_published : EngineTest
{
    [Test]
    public async Task Should_refuse_to_publish_an_invalid_draft_listing_every_problem_with_its_path()
    {
        var broken = SampleDefinitions.Approval
            .Replace("to: sign\n", "to: sgin\n")
            .Replace("    role: leader\n    budget: 4h\n    form:", "    budget: 4h\n    form:");
        (await Store.SaveDraftAsync(broken, "admin")).Succeeded.ShouldBeTrue();

        var problems = (await Store.ValidateAsync("approval")).Value!;
        problems.Select(p => p.ToString()).ShouldContain(p => p.StartsWith("steps[3].actions[0].to: unknown step 'sgin'", StringComparison.Ordinal));
        problems.Select(p => p.ToString()).ShouldContain(p => p.StartsWith("steps[1].role: missing role", StringComparison.Ordinal));

        var publish = await Store.PublishAsync("approval", "admin");
        publish.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        publish.Error.Message.ShouldContain("steps[3].actions[0].to: unknown step 'sgin'");
        publish.Error.Message.ShouldContain("steps[1].role: missing role");
        (await CountAsync("SELECT count(*) FROM engine.definitions WHERE is_published")).ShouldBe(0);
    }

    [Test]
    public async Task Should_report_malformed_yaml_with_line_and_column_and_save_nothing()
    {
        var result = await Store.SaveDraftAsync("id: broken\nsteps:\n  - id: a\n    kind: [human\n", "admin");
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Message.ShouldContain("line");
        (await CountAsync("SELECT count(*) FROM engine.definitions")).ShouldBe(0);
    }

    [Test]
    public async Task Should_diff_the_draft_against_the_published_version()
    {
        await PublishAsync(SampleDefinitions.Approval);
        await Store.SaveDraftAsync(SampleDefinitions.Approval.Replace("budget: 2d", "budget: 3d"), "admin");
        var changes = (await Store.DiffAsync("approval")).Value!;
        changes.ShouldContain(c => c.Kind == DefinitionChangeKind.Changed && c.Path == "steps[process].budget" && c.Before == "2d" && c.After == "3d");
        changes.Where(c => c.Path.StartsWith("steps", StringComparison.Ordinal)).Count().ShouldBe(1, string.Join("; ", changes));
    }
}
