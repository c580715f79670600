using System.Net;
using System.Text;
using Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sample;

/// <summary>
/// The commune's ISO officer (ys.iso, cán bộ ISO of Yên Sơn) over the definition endpoints: drafts, reads and publishes the workflows
/// of procedures Yên Sơn is competent for and new workflows; another unit's workflow, the list of all workflows and retiring
/// answer 403 ProblemDetails naming why; a clerk may not design at all.
/// </summary>
public sealed class When_an_iso_officer_designs_over_http
{
    private const string Commune = "death-registration", Police = "judicial-record-certificate";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private async Task<string> LibraryYamlAsync(string id, Func<string, string> change)
    {
        await using var scope = _api.Factory.Services.CreateAsyncScope();
        var definition = await scope.ServiceProvider.GetRequiredService<DefinitionStore>().GetAsync(id);
        return change(DefinitionYaml.ToYaml(definition!));
    }

    [Test]
    public async Task Should_save_read_and_discard_a_draft_of_a_workflow_of_the_communes_procedure()
    {
        var iso = await _api.As("ys.iso");
        var yaml = await LibraryYamlAsync(Commune, y => y.Replace("title: ", "title: (ISO) ", StringComparison.Ordinal));

        var draft = await (await iso.PostAsync("/api/v1/admin/definitions/drafts", Yaml(yaml))).Expect(HttpStatusCode.OK);
        draft.GetProperty("definitionId").GetString().ShouldBe(Commune);
        draft.GetProperty("isPublished").GetBoolean().ShouldBeFalse();
        await (await iso.GetAsync($"/api/v1/admin/definitions/{Commune}/problems?version={draft.GetProperty("version").GetInt32()}")).Expect(HttpStatusCode.OK);
        await (await iso.GetAsync($"/api/v1/admin/definitions/{Commune}/diff")).Expect(HttpStatusCode.OK);
        await (await iso.DeleteAsync($"/api/v1/admin/definitions/{Commune}/draft")).Expect(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_refuse_another_units_workflow_with_a_forbidden_problem()
    {
        var iso = await _api.As("ys.iso");
        var yaml = await LibraryYamlAsync(Police, y => y);

        foreach (var response in new[]
                 {
                     await iso.PostAsync("/api/v1/admin/definitions/drafts", Yaml(yaml)),
                     await iso.GetAsync($"/api/v1/admin/definitions/{Police}"),
                     await iso.GetAsync($"/api/v1/admin/definitions/{Police}/diff"),
                     await iso.Post($"/api/v1/admin/definitions/{Police}/publish"),
                     await iso.DeleteAsync($"/api/v1/admin/definitions/{Police}/draft"),
                 })
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var problem = await response.Expect(HttpStatusCode.Forbidden);
            problem.GetProperty("field").GetString().ShouldBe("definitionId");
            problem.GetProperty("detail").GetString()!.ShouldContain("đơn vị khác");
        }
        await using var scope = _api.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<DefinitionStore>().VersionsAsync(Police)).ShouldAllBe(v => v.IsPublished);
    }

    [Test]
    public async Task Should_publish_a_new_workflow_but_not_list_or_retire_workflows()
    {
        var iso = await _api.As("ys.iso");
        var yaml = await LibraryYamlAsync(Commune, y => y.Replace($"id: {Commune}", "id: iso-officer-new-api", StringComparison.Ordinal));

        await (await iso.PostAsync("/api/v1/admin/definitions/drafts", Yaml(yaml))).Expect(HttpStatusCode.OK);
        var published = await (await iso.Post("/api/v1/admin/definitions/iso-officer-new-api/publish")).Expect(HttpStatusCode.OK);
        published.GetProperty("isPublished").GetBoolean().ShouldBeTrue();
        published.GetProperty("publishedBy").GetString().ShouldBe("ys.iso");

        await (await iso.GetAsync("/api/v1/admin/definitions")).Expect(HttpStatusCode.Forbidden);
        await (await iso.Post("/api/v1/admin/definitions/iso-officer-new-api/retire")).Expect(HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Should_not_let_a_clerk_design()
    {
        var clerk = await _api.As("ys.clerk");
        var yaml = await LibraryYamlAsync(Commune, y => y);

        await (await clerk.PostAsync("/api/v1/admin/definitions/drafts", Yaml(yaml))).Expect(HttpStatusCode.Forbidden);
        await (await clerk.GetAsync($"/api/v1/admin/definitions/{Commune}")).Expect(HttpStatusCode.Forbidden);
    }
}
