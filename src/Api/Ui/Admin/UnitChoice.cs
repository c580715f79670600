using Procedures.Organisation;

namespace Api.Ui.Admin;

/// <summary>A unit as a picker lists it: indented by its depth in the tree.</summary>
public sealed record UnitChoice(Guid Id, string Label)
{
    public static IReadOnlyList<UnitChoice> From(IEnumerable<UnitTreeNode> trees) =>
        AdminUnits.Flatten(trees).Select(x => new UnitChoice(x.Node.Id, new string('\u00a0', x.Depth * 3) + $"{x.Node.Name} ({x.Node.Code})")).ToList();
}

/// <summary>Role names in the UI's language.</summary>
public static class RoleText
{
    public static string Name(Role role) => UiServices.IsEnglish ? role.ToWorkflowRole() : role.Vietnamese();

    /// <summary>The roles an admin hands out on these pages (system administration is given elsewhere).</summary>
    public static IReadOnlyList<Role> Grantable { get; } = [.. Enum.GetValues<Role>().Where(r => r != Role.SystemAdmin)];
}
