using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Organisation;

/// <summary>
/// The unit types every deployment starts with. Types are data (a province may add its own); these are the
/// post-2025 two-level government: province, its departments, communes, and inside them one-stop shops and
/// sections, plus the agencies consulted in joint procedures (police, tax, social insurance).
/// </summary>
public static class DefaultUnitTypes
{
    public const string Province = "province";
    public const string Department = "department";
    public const string Commune = "commune";
    public const string OneStopShop = "one-stop-shop";
    public const string Section = "section";
    public const string Agency = "agency";

    public static IReadOnlyList<UnitType> All { get; } =
    [
        new() { Code = Province, Name = "Tỉnh, thành phố trực thuộc trung ương", NameEn = "Province", Rank = 10 },
        new() { Code = Department, Name = "Sở, ban, ngành", NameEn = "Department", Rank = 20 },
        new() { Code = Commune, Name = "Xã, phường, đặc khu", NameEn = "Commune", Rank = 30 },
        new() { Code = OneStopShop, Name = "Bộ phận một cửa", NameEn = "One-stop shop", Rank = 40 },
        new() { Code = Section, Name = "Phòng, ban chuyên môn", NameEn = "Section", Rank = 50 },
        new() { Code = Agency, Name = "Cơ quan phối hợp liên thông", NameEn = "Consulted agency", Rank = 60 },
    ];

    /// <summary>Adds the default types that are missing; types an admin changed are left as they are.</summary>
    public static async Task EnsureAsync(ProceduresDb db, CancellationToken ct = default)
    {
        var present = await db.UnitTypes.Select(t => t.Code).ToListAsync(ct);
        foreach (var type in All.Where(t => !present.Contains(t.Code)))
            db.UnitTypes.Add(new UnitType { Code = type.Code, Name = type.Name, NameEn = type.NameEn, Rank = type.Rank });
        await db.SaveChangesAsync(ct);
    }
}
