using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Who may design a workflow, save its drafts and publish it: a system administrator any workflow; a unit's ISO officer
/// (cán bộ ISO) a workflow that runs a procedure their unit (or a unit below it) is competent for, and a new workflow that no
/// unit runs yet (the officer's own new procedure, bound to the catalogue when it is published).
/// </summary>
public static class WorkflowDesignRights
{
    /// <summary>May open the designer at all: a system administrator or an ISO officer of some unit.</summary>
    public static bool MayDesign(this Actor actor) =>
        actor.IsSystemAdmin || actor.Memberships.Any(m => m.Roles.Contains(Role.IsoOfficer));

    /// <summary>May the actor be an ISO officer for the unit at <paramref name="unitPath"/> (their unit or one below it).</summary>
    public static bool IsIsoOfficerFor(this Actor actor, string unitPath) =>
        actor.Memberships.Any(m => m.Roles.Contains(Role.IsoOfficer) && unitPath.StartsWith(m.UnitPath, StringComparison.Ordinal));

    /// <summary>Null when the actor may change <paramref name="definitionId"/>; else Forbidden, naming the workflow.</summary>
    public static async Task<DomainError?> CheckAsync(ProceduresDb db, Actor actor, string definitionId, CancellationToken ct = default)
    {
        if (actor.IsSystemAdmin) return null;
        if (!actor.MayDesign()) return NotDesigner();
        var paths = await db.Competences.AsNoTracking().Where(c => c.WorkflowDefinitionId == definitionId)
            .Join(db.Units.AsNoTracking(), c => c.UnitId, u => u.Id, (_, u) => u.Path).Distinct().ToListAsync(ct);
        return paths.Count == 0 || paths.Any(actor.IsIsoOfficerFor) ? null : NotYourProcedure(definitionId);
    }

    public static DomainError NotDesigner() => DomainError.Forbidden(
        "Chỉ quản trị hệ thống và cán bộ ISO được thiết kế quy trình.", "Only system administrators and ISO officers may design workflows.");

    public static DomainError NotYourProcedure(string definitionId) => DomainError.Forbidden(
        $"Quy trình '{definitionId}' dùng cho thủ tục của đơn vị khác: cán bộ ISO chỉ thiết kế quy trình của thủ tục thuộc thẩm quyền đơn vị mình.",
        $"The workflow '{definitionId}' runs another unit's procedures: an ISO officer designs only the workflows of their own unit's procedures.")
        with { Field = "definitionId" };
}
