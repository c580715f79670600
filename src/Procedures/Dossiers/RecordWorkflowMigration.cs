using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.VersionMigration;
using Microsoft.EntityFrameworkCore;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>Workflows an administrator moved to another version of their definition, with why.</summary>
public sealed record RecordWorkflowMigration(string Actor, string Reason, int FromVersion, int ToVersion, IReadOnlyList<MigratedInstance> Moved);

/// <summary>
/// A dossier whose workflow moved to another version gets a <c>WorkflowMigrated</c> row in its own history (Form 05), as a
/// repair does: who, why, from and to which version, what changed. The dossier keeps no copy of the version or the step
/// (its pages read the open work from the engine), so nothing else of it changes. The engine has committed each move in a
/// transaction of its own before this runs; instances that are no dossier's workflow are skipped.
/// </summary>
public sealed class RecordWorkflowMigrationHandler(ProceduresDb db, OfficialDirectory officials, TimeProvider clock)
{
    public async Task<int> HandleAsync(RecordWorkflowMigration request, CancellationToken ct = default)
    {
        if (request.Moved.Count == 0) return 0;
        var moved = request.Moved.ToDictionary(m => m.InstanceId);
        var ids = moved.Keys.ToList();
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.WorkflowInstanceId != null && ids.Contains(d.WorkflowInstanceId.Value))
            .Select(d => new { d.Id, Instance = d.WorkflowInstanceId!.Value }).ToListAsync(ct);
        if (dossiers.Count == 0) return 0;
        var name = (await officials.NamesAsync([request.Actor], ct)).GetValueOrDefault(request.Actor, request.Actor);
        var now = clock.GetUtcNow();
        foreach (var d in dossiers)
            db.DossierEvents.Add(new DossierEvent
            {
                DossierId = d.Id, At = now, Kind = WorkflowRepairRules.Migrated, Actor = request.Actor, ActorName = name, Comment = request.Reason,
                Data = new JsonObject
                {
                    ["fromVersion"] = request.FromVersion, ["toVersion"] = request.ToVersion,
                    ["changes"] = JsonSerializer.SerializeToNode(moved[d.Instance].Changes, JsonSerializerOptions.Web),
                }.ToJsonString(),
            });
        await db.SaveChangesAsync(ct);
        return dossiers.Count;
    }
}
