using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>Journey (c): an invalid draft is refused with its problems at their paths, a valid one is compared with the current version and published.</summary>
public sealed class When_an_admin_publishes_a_definition
{
    private const string Workflow = "signature-certification";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_show_the_problems_then_the_changes_and_make_the_published_version_current()
    {
        var current = await LatestAsync();
        current.SourceYaml.ShouldNotBeNull();
        var invalid = ReplaceFirst(current.SourceYaml, "        to: refused", "        to: nowhere");
        var valid = ReplaceFirst(current.SourceYaml, "    budget: 2h", "    budget: 3h");

        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/quy-trinh");
        await admin.GetByRole(AriaRole.Heading, new() { Name = "Quy trình xử lý (định nghĩa)" }).WaitForAsync();
        await admin.ShotAsync("c1-definitions");

        // A draft whose first step sends a refusal to a step that does not exist: the problem is listed at that action's path.
        await admin.FillFieldAsync("yaml-text", invalid);
        await admin.Locator("[data-testid=yaml-upload]").ClickAsync();
        await admin.Locator("[data-testid=upload-invalid]").WaitForAsync();
        var problem = admin.Locator("[data-testid=definition-problem][data-path='steps[0].actions[1].to']");
        (await problem.InnerTextAsync()).ShouldContain("nowhere");
        await admin.ShotAsync("c2-invalid-draft-problems");

        // The corrected draft replaces it: no problems, and the changes against the current version name the step's budget.
        await admin.FillFieldAsync("yaml-text", valid);
        await admin.Locator("[data-testid=yaml-upload]").ClickAsync();
        await admin.Locator("[data-testid=upload-valid]").WaitForAsync();
        (await admin.Locator("[data-testid=definition-problem]").CountAsync()).ShouldBe(0);
        var budget = admin.Locator("[data-testid=diff-row][data-path='steps[process].budget']");
        (await budget.InnerTextAsync()).ShouldContain("3h");
        var changed = await admin.Locator("[data-testid=diff-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.path)");
        changed.ShouldBe(["version", "steps[process].budget"], ignoreOrder: true);
        // The same change drawn on the diagram next to the text: only that step is coloured.
        await admin.Locator("[data-testid=diff-diagram] g[data-step='process'][data-change='changed']").WaitForAsync();
        (await admin.Locator("[data-testid=diff-diagram] g[data-change]").CountAsync()).ShouldBe(1);
        await admin.ShotAsync("c3-valid-draft-diff");

        await admin.Locator("[data-testid=definition-publish]").ClickAsync();
        // Publishing asks first: a published version can no longer be edited, and the running dossiers stay on theirs (with the way to move them).
        var confirm = admin.Locator("[data-testid=confirm-dialog]");
        (await confirm.Locator("[data-testid=confirm-message]").InnerTextAsync()).ShouldContain("Ban hành phiên bản");
        int running;
        await using (var engineScope = _host.App.Services.CreateAsyncScope())
            running = (await engineScope.ServiceProvider.GetRequiredService<Engine.Queries.InstanceQueries>().ActiveCountsAsync(Workflow)).Values.Sum();
        (await confirm.Locator("[data-testid=publish-running]").GetAttributeAsync("data-count")).ShouldBe(running.ToString());
        if (running > 0)
        {
            (await confirm.Locator("[data-testid=publish-running]").InnerTextAsync()).ShouldContain($"{running} hồ sơ đang xử lý vẫn chạy theo phiên bản cũ");
            (await confirm.Locator("[data-testid=publish-migrate-link]").GetAttributeAsync("href")).ShouldBe($"/quan-tri/quy-trinh/{Workflow}/chuyen-phien-ban");
        }
        else (await confirm.Locator("[data-testid=publish-migrate-link]").CountAsync()).ShouldBe(0);
        await admin.ShotAsync("c3b-publish-confirmation-with-running-dossiers");
        await admin.Locator("[data-testid=confirm-go]").ClickAsync();
        var next = (current.Version + 1).ToString();
        await admin.Locator("[data-testid=current-version]", new() { HasText = next }).WaitForAsync();
        (await admin.Locator($"[data-testid=definition-version][data-version='{next}'] [data-testid=version-state]").InnerTextAsync()).ShouldBe("Đang áp dụng");
        (await admin.Locator($"[data-testid=definition-version][data-version='{current.Version}'] [data-testid=version-state]").InnerTextAsync()).ShouldBe("Đã thay thế");
        (await admin.Locator("[data-testid=definition-publish]").CountAsync()).ShouldBe(0);
        await admin.ShotAsync("c4-published");

        // New dossiers start on the latest published version: the one just published, with the new budget.
        await using var scope = _host.App.Services.CreateAsyncScope();
        var used = await scope.ServiceProvider.GetRequiredService<Engine.Definitions.DefinitionStore>().GetAsync(Workflow);
        used.ShouldNotBeNull();
        used.Version.ShouldBe(current.Version + 1);
        used.FindStep("process")!.Budget!.ToString().ShouldBe("3h");
    }

    private async Task<(int Version, string SourceYaml)> LatestAsync()
    {
        await using var command = _host.App.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "SELECT version, source_yaml FROM engine.definitions WHERE definition_id = $1 AND is_latest");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Workflow });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.GetInt32(0), reader.GetString(1));
    }

    private static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"'{what}' is not in the definition");
        return text[..at] + with + text[(at + what.Length)..];
    }
}
