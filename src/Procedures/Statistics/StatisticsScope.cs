using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Statistics;

/// <summary>A unit of the subtree the figures cover, with its place in the tree for roll-ups.</summary>
public sealed record ScopeUnit(Guid Id, string Code, string Name, string TypeCode, Guid? ParentId, string Path, DateOnly EffectiveFrom, DateOnly? EffectiveTo);

/// <summary>The subtree under <see cref="Root"/> (ended units included: their past dossiers still count) and the filters.</summary>
internal sealed record StatisticsScope(ScopeUnit Root, IReadOnlyList<ScopeUnit> Units, Guid[]? Procedures, string? Official)
{
    public StatFilter Filter(IEnumerable<Guid>? units = null) => new((units ?? Units.Select(u => u.Id)).ToArray(), Procedures, Official);

    /// <summary>The direct children of the root, each standing for its subtree.</summary>
    public IReadOnlyList<ScopeUnit> Children => Units.Where(u => u.ParentId == Root.Id).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>The child of the root whose subtree holds <paramref name="unitId"/>; the root itself for its own dossiers.</summary>
    public Guid ChildOf(Guid unitId, IReadOnlyList<ScopeUnit> children)
    {
        var unit = Units.FirstOrDefault(u => u.Id == unitId);
        return unit is null ? Root.Id : children.FirstOrDefault(c => unit.Path.StartsWith(c.Path, StringComparison.Ordinal))?.Id ?? Root.Id;
    }

    public IEnumerable<Guid> Subtree(ScopeUnit top) => Units.Where(u => u.Path.StartsWith(top.Path, StringComparison.Ordinal)).Select(u => u.Id);

    /// <summary>
    /// The actor may read the figures of a unit they belong to and of everything below it (a leader reads the
    /// whole subtree of their unit); outside their branch the unit is "not found", above it "forbidden".
    /// </summary>
    public static async Task<DomainResult<StatisticsScope>> ResolveAsync(ProceduresDb db, Actor actor, Guid unitId, Guid? procedureId,
        Guid? sectorId, string? official, CancellationToken ct)
    {
        var root = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (actor.CheckSees(root) is { } unseen) return unseen;
        if (!actor.IsSystemAdmin && !actor.Memberships.Any(m => root!.Path.StartsWith(m.UnitPath, StringComparison.Ordinal)))
            return DomainError.Forbidden("Bạn chỉ xem được số liệu của đơn vị mình và các đơn vị trực thuộc.",
                "You may only see the figures of your own units and the units below them.");
        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(root!.Path))
            .Select(u => new ScopeUnit(u.Id, u.Code, u.Name, u.TypeCode, u.ParentId, u.Path, u.EffectiveFrom, u.EffectiveTo)).ToListAsync(ct);

        Guid[]? procedures = null;
        if (procedureId is { } pid)
        {
            if (!await db.Procedures.AnyAsync(p => p.Id == pid, ct)) return DomainError.NotFound("procedure", "thủ tục") with { Field = "procedureId" };
            procedures = [pid];
        }
        if (sectorId is { } sid)
        {
            if (!await db.Sectors.AnyAsync(s => s.Id == sid, ct)) return DomainError.NotFound("sector", "lĩnh vực") with { Field = "sectorId" };
            var inSector = await db.Procedures.Where(p => p.SectorId == sid).Select(p => p.Id).ToListAsync(ct);
            procedures = procedures is null ? [.. inSector] : procedures.Intersect(inSector).ToArray();
        }
        var rootUnit = units.Single(u => u.Id == root!.Id);
        return new StatisticsScope(rootUnit, units, procedures, string.IsNullOrWhiteSpace(official) ? null : official.Trim());
    }

    public static DomainError? CheckPeriod(DateOnly from, DateOnly to, DateOnly today)
    {
        if (InputRanges.Period(from, to) is { } outOfRange) return outOfRange;
        if (to < from) return DomainError.Invalid("to", "period-reversed", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", "The period must end on or after its start.");
        if (from > today) return DomainError.Invalid("from", "period-in-future", "Kỳ thống kê chưa bắt đầu.", "The period has not started yet.");
        if (to.DayNumber - from.DayNumber > 3700) return DomainError.Invalid("to", "period-too-long", "Kỳ thống kê tối đa 10 năm.", "A period is at most 10 years.");
        return null;
    }
}

/// <summary>Units (processing units, or delaying units for the delay figure), procedures and official the SQL filters on.</summary>
internal sealed record StatFilter(Guid[] Units, Guid[]? Procedures, string? Official);
