using Engine.Hosting;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Store;

/// <summary>A host that declares its roles gets drafts naming any other refused; the sample names 'leader', which this host does not declare.</summary>
public sealed class When_the_host_declares_its_roles : EngineTest
{
    protected override void Configure(IServiceCollection services) =>
        services.AddWorkflowRoles(["clerk", "specialist", "section-head"]).AddWorkflowRoles(["clerk", "specialist", "section-head", "unit-leader"]);

    [Test]
    public async Task Should_list_an_undeclared_role_at_its_path_and_refuse_to_publish()
    {
        (await Store.SaveDraftAsync(SampleDefinitions.Approval, "admin")).Succeeded.ShouldBeTrue();

        var problems = (await Store.ValidateAsync("approval")).Value!.Select(p => p.ToString()).ToList();
        const string declared = "(declared: clerk, section-head, specialist, unit-leader)";
        problems.ShouldContain($"steps[1].role: unknown role 'leader' {declared}");
        problems.ShouldContain($"steps[4].role: unknown role 'leader' {declared}");

        var publish = await Store.PublishAsync("approval", "admin");
        publish.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        publish.Error.Field.ShouldBe("steps[1].role");
    }

    [Test]
    public async Task Should_publish_once_every_role_is_a_declared_one() =>
        (await PublishAsync(SampleDefinitions.Approval.Replace("role: leader", "role: unit-leader"))).IsLatest.ShouldBeTrue();
}
