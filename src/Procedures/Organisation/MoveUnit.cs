using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Re-parents a unit with its whole subtree (e.g. a section moved to another department).</summary>
public sealed record MoveUnit(Guid UnitId, Guid NewParentId);

/// <summary>The moved unit and how many units (itself included) got a new path.</summary>
public sealed record UnitMoved(UnitView Unit, int PathsChanged);

public sealed class MoveUnitHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<UnitMoved>> HandleAsync(Actor actor, MoveUnit request, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, ct);
        if (actor.CheckAdministers(unit) is { } denied) return denied;
        var parent = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.NewParentId, ct);
        if (actor.CheckAdministers(parent, "newParentId") is { } parentDenied) return parentDenied;

        if (parent!.Path.StartsWith(unit!.Path, StringComparison.Ordinal))
            return DomainError.Invalid("newParentId", "cycle", "Không thể chuyển đơn vị vào chính nó hoặc đơn vị trực thuộc của nó.",
                "A unit cannot be moved under itself or one of its own sub-units.");
        var today = clock.Today();
        if (!unit.IsEffectiveOn(today))
            return DomainError.Conflict("unit-not-effective", "Đơn vị đã hết hiệu lực.", "The unit is no longer in effect.") with { Field = "unitId" };
        if (!parent.IsEffectiveOn(today))
            return DomainError.Invalid("newParentId", "parent-not-effective", "Đơn vị cấp trên mới không còn hiệu lực.", "The new parent unit is not in effect.");
        if (unit.ParentId == parent.Id) return new UnitMoved(UnitView.From(unit), 0);

        var oldPath = unit.Path;
        var newPath = $"{parent.Path}{unit.Id}/";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One statement rewrites the prefix of every path in the subtree, so no reader sees half a move.
        var changed = await db.Units.Where(u => u.Path.StartsWith(oldPath))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Path, u => newPath + u.Path.Substring(oldPath.Length)), ct);
        await db.Units.Where(u => u.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ParentId, parent.Id), ct);
        await tx.CommitAsync(ct);

        return new UnitMoved(UnitView.From(await db.Units.AsNoTracking().SingleAsync(u => u.Id == unit.Id, ct)), changed);
    }
}
