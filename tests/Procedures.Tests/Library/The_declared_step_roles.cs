using System.Text.RegularExpressions;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Procedures.Tests.Library;

/// <summary>The roles the product declares to the engine are the library's conventions, and each is one an official can hold.</summary>
public sealed class The_declared_step_roles
{
    [Test]
    public void Should_be_the_roles_the_library_readme_lists()
    {
        var lines = File.ReadAllLines(Path.Combine(WorkflowLibrary.Folder, "README.md"));
        var listed = lines.SkipWhile(l => l != "### Roles").Skip(1).TakeWhile(l => !l.StartsWith('#'))
            .Select(l => Regex.Match(l, "^- `([a-z-]+)`")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        listed.ShouldNotBeEmpty();
        listed.ShouldBe(StepRoles.All, ignoreOrder: true);
    }

    [Test]
    public void Should_each_name_a_role_an_official_holds() =>
        StepRoles.All.Where(r => !RoleNames.TryParseWorkflowRole(r, out _)).ShouldBeEmpty();
}
