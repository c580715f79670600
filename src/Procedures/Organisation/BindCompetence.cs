using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// Makes a unit competent for a procedure from <paramref name="EffectiveFrom"/> (to <paramref name="EffectiveTo"/>
/// inclusive, open when null), run with a published workflow definition (the latest when the version is null). The unit's
/// administrators and its ISO officer may.
/// </summary>
public sealed record BindCompetence(
    Guid ProcedureId, Guid UnitId, string WorkflowDefinitionId, int? WorkflowVersion, DateOnly EffectiveFrom, DateOnly? EffectiveTo = null);

public sealed class BindCompetenceHandler(ProceduresDb db, DefinitionStore definitions)
{
    public async Task<DomainResult<CompetenceView>> HandleAsync(Actor actor, BindCompetence request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        // The unit's ISO officer binds the workflows they design to the unit's procedures, as its administrators may.
        if (actor.CheckAdministers(unit) is { } denied && !(unit is not null && actor.IsIsoOfficerFor(unit.Path))) return denied;
        if (request.EffectiveTo < request.EffectiveFrom)
            return DomainError.Invalid("effectiveTo", "bad-period", "Ngày kết thúc trước ngày bắt đầu.", "The end date is before the start date.");
        if (!unit!.IsEffectiveOn(request.EffectiveFrom) || unit.EffectiveTo < (request.EffectiveTo ?? DateOnly.MaxValue))
            return DomainError.Invalid("unitId", "unit-not-effective", "Đơn vị không có hiệu lực trong suốt thời gian được giao thẩm quyền.",
                "The unit is not in effect for the whole period.");
        if (!await db.Procedures.AnyAsync(p => p.Id == request.ProcedureId && p.IsActive, ct))
            return DomainError.NotFound("procedure", "thủ tục hành chính") with { Field = "procedureId" };
        if (!await IsPublishedAsync(definitions, request.WorkflowDefinitionId, request.WorkflowVersion, ct))
            return DomainError.Invalid("workflowDefinitionId", "workflow-not-published", "Quy trình chưa được ban hành (hoặc phiên bản không tồn tại).",
                "The workflow definition (version) is not published.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two admins binding the same procedure at once would both pass the overlap check: serialise on the procedure row.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM procedures.procedures WHERE id = {request.ProcedureId} FOR UPDATE", ct);
        var to = request.EffectiveTo ?? DateOnly.MaxValue;
        if (await db.Competences.AnyAsync(c => c.ProcedureId == request.ProcedureId && c.UnitId == unit.Id
                && c.EffectiveFrom <= to && (c.EffectiveTo == null || c.EffectiveTo >= request.EffectiveFrom), ct))
            return DomainError.Invalid("effectiveFrom", "overlapping-competence", "Đơn vị đã có thẩm quyền với thủ tục này trong khoảng thời gian trùng lặp.",
                "The unit is already competent for this procedure in an overlapping period.");

        var competence = new Competence
        {
            Id = Guid.CreateVersion7(), ProcedureId = request.ProcedureId, UnitId = unit.Id, WorkflowDefinitionId = request.WorkflowDefinitionId,
            WorkflowVersion = request.WorkflowVersion, EffectiveFrom = request.EffectiveFrom, EffectiveTo = request.EffectiveTo,
        };
        db.Competences.Add(competence);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CompetenceView.From(competence, unit);
    }

    /// <summary>Published and not retired: a retired definition starts no new dossiers.</summary>
    internal static async Task<bool> IsPublishedAsync(DefinitionStore definitions, string? id, int? version, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        var versions = await definitions.VersionsAsync(id, ct);
        return version is null
            ? versions.Any(v => v.IsLatest && v.IsPublished && v.RetiredAt is null)
            : versions.Any(v => v.Version == version && v.IsPublished && v.RetiredAt is null);
    }
}
