using Engine.Queries;

namespace Api.Ui.Designer;

/// <summary>
/// What publishing a draft leaves behind: the running (or suspended) dossiers of the workflow, which stay on the version they
/// started with until an administrator moves them on the instance migration page.
/// </summary>
public sealed record PublishImpact(string DefinitionId, int DraftVersion, int RunningOnOlder)
{
    public string MigrationHref => $"/quan-tri/quy-trinh/{Uri.EscapeDataString(DefinitionId)}/chuyen-phien-ban";

    public static async Task<PublishImpact> LoadAsync(InstanceQueries instances, string definitionId, int draftVersion, CancellationToken ct = default)
    {
        var counts = await instances.ActiveCountsAsync(definitionId, ct);
        return new(definitionId, draftVersion, counts.Where(c => c.Key < draftVersion).Sum(c => c.Value));
    }
}
