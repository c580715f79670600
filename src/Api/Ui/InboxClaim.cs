using Api.Dossiers;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui;

/// <summary>
/// Takes a step from a role queue the official works in, from an inbox row: under the dossier's lock, as its use cases take it, so a
/// dossier changed since the row was read (<see cref="InboxItem.DossierRevision"/>) answers the stale message and nothing is claimed.
/// </summary>
public static class InboxClaim
{
    /// <summary>The error text in the UI's language, or null when the step is now the official's.</summary>
    public static async Task<string?> RunAsync(IServiceProvider sp, string actorName, InboxItem item, CancellationToken ct = default)
    {
        var acting = await sp.GetRequiredService<OfficialDirectory>().ActingAsync(actorName, ct);
        if (acting.Error is { } notAnOfficial) return Text.Error(notAnOfficial);
        if (item.UnitId is not { } unit || !acting.Value!.HasWorkflowRole(item.Role, unit))
            return UiServices.IsEnglish ? "You do not hold the role of this step." : "Bạn không giữ vai trò của bước này.";

        var db = sp.GetRequiredService<ProceduresDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var revisions = await db.Database.SqlQuery<int>($"SELECT revision AS \"Value\" FROM procedures.dossiers WHERE id = {item.DossierId} FOR UPDATE")
            .ToListAsync(ct);
        if (revisions is not [var revision]) return Text.Error(DomainError.NotFound("dossier", "hồ sơ"));
        if (revision != item.DossierRevision) return Text.Error(DomainError.StaleRevision(revision));
        var claimed = await sp.GetRequiredService<WorkflowRuntime>().ClaimAsync(item.WorkItemId, actorName, (NpgsqlTransaction)tx.GetDbTransaction(), ct);
        if (claimed.Error is { } refused) return Text.Error(DomainError.FromEngine(refused));
        await tx.CommitAsync(ct);
        return null;
    }
}
