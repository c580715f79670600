using Engine.Definitions;
using Engine.VersionMigration;
using Microsoft.Extensions.Localization;

namespace Api.Ui.Admin;

/// <summary>A migration's changes as the page shows them: what changes, and steps by their titles in the old and the new version.</summary>
public static class MigrationText
{
    public static string Kind(IStringLocalizer<AdminText> text, MigrationChangeKind kind) => WorkflowText.Of(text, "MigrationChange", kind.ToString());

    public static string Values(MigrationChange change, WorkflowDefinition from, WorkflowDefinition to) => change.Kind switch
    {
        MigrationChangeKind.TokenStep or MigrationChangeKind.WorkItemStep or MigrationChangeKind.TimerStep =>
            $"{Step(from, change.From)} → {Step(to, change.To)}",
        _ => $"{change.From ?? "–"} → {change.To ?? "–"}",
    };

    private static string Step(WorkflowDefinition definition, string? id) =>
        id is null ? "–" : definition.FindStep(id) is { Title: { } title } ? $"{title} ({id})" : id;
}
