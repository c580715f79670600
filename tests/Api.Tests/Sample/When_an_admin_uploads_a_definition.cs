using System.Net;
using System.Text;
using Api.Ui.Admin;
using Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sample;

/// <summary>A draft naming a role the product does not declare is refused with the problem at its path, over the API and on the page.</summary>
public sealed class When_an_admin_uploads_a_definition
{
    private const string Declared = "(declared: clerk, consulted-officer, section-head, specialist, unit-leader)";
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    private static string Draft(string id) => $"""
        id: {id}
        version: 1
        title: Role check
        inputs:
          - name: receivingUnit
            type: unit
            required: true
        steps:
          - id: receive
            kind: human
            role: clerck
            unit: $receivingUnit
            budget: 4h
            actions:
              - name: accept
                to: done
          - id: done
            kind: end
            outcome: approved
        """;

    [Test]
    public async Task Should_list_an_unknown_role_at_its_path_and_refuse_to_publish()
    {
        var admin = await _api.As("admin");
        var upload = await admin.PostAsync("/api/v1/admin/definitions/drafts", new StringContent(Draft("role-check-api"), Encoding.UTF8, "application/yaml"));
        await upload.Expect(HttpStatusCode.OK);

        var problems = await (await admin.GetAsync("/api/v1/admin/definitions/role-check-api/problems")).Expect(HttpStatusCode.OK);
        var problem = problems.EnumerateArray().ShouldHaveSingleItem();
        problem.GetProperty("path").GetString().ShouldBe("steps[0].role");
        problem.GetProperty("message").GetString().ShouldBe($"unknown role 'clerck' {Declared}");

        var refused = await (await admin.Post("/api/v1/admin/definitions/role-check-api/publish")).Expect(HttpStatusCode.UnprocessableEntity);
        refused.GetProperty("field").GetString().ShouldBe("steps[0].role");
        (await admin.DeleteAsync("/api/v1/admin/definitions/role-check-api/draft")).EnsureSuccessStatusCode();
    }

    [Test]
    public async Task Should_show_an_unknown_role_at_its_path_on_the_upload_page()
    {
        await using var scope = _api.Factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<DefinitionStore>();
        var upload = await DefinitionDesk.UploadAsync(store, Draft("role-check-page"), "admin");
        upload.Error.ShouldBeNull();
        upload.Value!.Draft.ShouldNotBeNull();
        upload.Value.Problems.ShouldBe([new DefinitionProblem("steps[0].role", $"unknown role 'clerck' {Declared}")]);
        (await store.DiscardDraftAsync("role-check-page")).Error.ShouldBeNull();
    }
}
