using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>Creates or renames a unit type (system admins only: types are shared by the whole tree).</summary>
public sealed record SaveUnitType(string Code, string Name, string? NameEn, int Rank);

public sealed record UnitTypeView(string Code, string Name, string? NameEn, int Rank);

public sealed partial class SaveUnitTypeHandler(ProceduresDb db)
{
    [GeneratedRegex("^[a-z][a-z0-9-]{1,49}$")]
    private static partial Regex TypeCode();

    public async Task<DomainResult<UnitTypeView>> HandleAsync(Actor actor, SaveUnitType request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if (request.Code is null || !TypeCode().IsMatch(request.Code))
            return DomainError.Invalid("code", "bad-type-code", "Mã loại đơn vị gồm chữ thường không dấu, số và dấu gạch ngang.",
                "A unit type code is lower-case letters, digits and hyphens.");
        if (FieldRules.Required("name", request.Name, 200, "tên loại đơn vị") is { } invalid) return invalid;

        var type = await db.UnitTypes.SingleOrDefaultAsync(t => t.Code == request.Code, ct);
        if (type is null) db.UnitTypes.Add(type = new UnitType { Code = request.Code });
        type.Name = request.Name.Trim();
        type.NameEn = FieldRules.Blank(request.NameEn);
        type.Rank = request.Rank;
        await db.SaveChangesAsync(ct);
        return new UnitTypeView(type.Code, type.Name, type.NameEn, type.Rank);
    }
}

/// <summary>Unit types in display order, for pickers.</summary>
public sealed class UnitTypesQuery(ProceduresDb db)
{
    public async Task<IReadOnlyList<UnitTypeView>> ListAsync(CancellationToken ct = default) =>
        await db.UnitTypes.AsNoTracking().OrderBy(t => t.Rank).ThenBy(t => t.Code)
            .Select(t => new UnitTypeView(t.Code, t.Name, t.NameEn, t.Rank)).ToListAsync(ct);
}
