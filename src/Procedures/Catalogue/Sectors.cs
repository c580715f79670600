using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

public sealed record SectorView(Guid Id, string Code, string Name, string? NameEn, int ProcedureCount);

/// <summary>What a sector's code and name must be: the sector use cases check them, and the sectors page checks them before sending.</summary>
public static partial class SectorRules
{
    [GeneratedRegex("^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex Code();

    public static DomainError? CheckCode(string? code) => code is not null && Code().IsMatch(code) ? null
        : DomainError.Invalid("code", "bad-sector-code", "Mã lĩnh vực gồm chữ không dấu, số, dấu chấm hoặc gạch (tối đa 50 ký tự).",
            "A sector code is up to 50 letters, digits, '.', '-' or '_'.");

    public static DomainError? CheckName(string? name) => FieldRules.Required("name", name, 300, "tên lĩnh vực");

    internal static DomainError CodeTaken() => DomainError.Invalid("code", "code-taken", "Mã lĩnh vực đã được dùng.", "The sector code is already in use.");

    internal static DomainError NotFound() => DomainError.NotFound("sector", "lĩnh vực") with { Field = "sectorId" };
}

/// <summary>Sectors with how many active procedures each has, for the public catalogue and admin screens.</summary>
public sealed class SectorsQuery(ProceduresDb db)
{
    public async Task<IReadOnlyList<SectorView>> ListAsync(CancellationToken ct = default) =>
        await db.Sectors.AsNoTracking().OrderBy(s => s.Code)
            .Select(s => new SectorView(s.Id, s.Code, s.Name, s.NameEn, db.Procedures.Count(p => p.SectorId == s.Id && p.IsActive)))
            .ToListAsync(ct);
}
