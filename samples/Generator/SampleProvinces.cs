using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Generator;

internal sealed record LoadUnit(Guid Id, int Province, double Weight, string Clerk, string[] Specialists, Guid? Department);

internal sealed record LoadProcedure(Guid Id, LegalTimeLimit Limit, decimal Fee);

internal sealed record LoadOrg(IReadOnlyList<Unit> Provinces, IReadOnlyList<LoadUnit> Units, IReadOnlyList<LoadProcedure> Procedures);

/// <summary>Two provinces of 12 departments and 100 communes each, 20 procedures in 6 sectors: the shape of one region.</summary>
internal static class SampleProvinces
{
    public static async Task<LoadOrg> SeedAsync(ProceduresDb db, Random rng)
    {
        db.UnitTypes.AddRange(new UnitType { Code = "province", Name = "Tỉnh", Rank = 1 },
            new UnitType { Code = "department", Name = "Sở", Rank = 2 }, new UnitType { Code = "commune", Name = "Xã", Rank = 3 });
        var provinces = new List<Unit>();
        var units = new List<LoadUnit>();
        for (var p = 1; p <= 2; p++)
        {
            var root = Unit(rng, $"000.00.00.G{p:D2}", $"UBND tỉnh Mẫu {p}", "province", null);
            provinces.Add(root);
            db.Units.Add(root);
            units.Add(Officials(db, rng, root, p - 1, 0.5, null));
            var departments = new List<Guid>();
            for (var d = 1; d <= 12; d++)
            {
                var department = Unit(rng, $"000.{d:D2}.00.G{p:D2}", $"Sở số {d} tỉnh Mẫu {p}", "department", root);
                db.Units.Add(department);
                departments.Add(department.Id);
                units.Add(Officials(db, rng, department, p - 1, 3, null));
            }
            for (var c = 1; c <= 100; c++)
            {
                var commune = Unit(rng, $"{c:D3}.{p:D2}.01.G{p:D2}", $"UBND xã {c} tỉnh Mẫu {p}", "commune", root);
                db.Units.Add(commune);
                units.Add(Officials(db, rng, commune, p - 1, 1, departments[c % departments.Count]));
            }
        }
        var sectors = Enumerable.Range(1, 6).Select(s => new Sector { Id = Id(rng), Code = $"G{s}", Name = $"Lĩnh vực {s}" }).ToList();
        db.Sectors.AddRange(sectors);
        LegalTimeLimit[] limits = [LegalTimeLimit.SameDay, LegalTimeLimit.WorkingDays(1), LegalTimeLimit.WorkingDays(3), LegalTimeLimit.WorkingDays(5),
            LegalTimeLimit.WorkingDays(7), LegalTimeLimit.WorkingDays(10), LegalTimeLimit.WorkingDays(15), LegalTimeLimit.WorkingDays(20)];
        var procedures = new List<LoadProcedure>();
        for (var i = 1; i <= 20; i++)
        {
            var limit = limits[i % limits.Length];
            var procedure = new Procedure
            {
                Id = Id(rng), Code = $"9.{i:D6}", Name = $"Thủ tục mẫu {i}", Level = "commune", SectorId = sectors[i % 6].Id,
                TimeLimitKind = limit.Kind, TimeLimitAmount = limit.Amount, Channels = [Channel.Counter, Channel.Online, Channel.Post],
            };
            db.Procedures.Add(procedure);
            procedures.Add(new LoadProcedure(procedure.Id, limit, i % 3 == 0 ? 50_000 : 0));
        }
        await db.SaveChangesAsync();
        return new LoadOrg(provinces, units, procedures);
    }

    private static LoadUnit Officials(ProceduresDb db, Random rng, Unit unit, int province, double weight, Guid? department)
    {
        string Add(string role, Role kind)
        {
            var userName = $"{unit.Code}.{role}";
            var id = Id(rng);
            db.Officials.Add(new Official
            {
                Id = id, UserName = userName, FullName = $"Cán bộ {role} {unit.Code}",
                Memberships = [new Membership { Id = Id(rng), OfficialId = id, UnitId = unit.Id, Roles = [kind], EffectiveFrom = new DateOnly(2020, 1, 1) }],
            });
            return userName;
        }
        return new LoadUnit(unit.Id, province, weight, Add("clerk", Role.Clerk), [Add("spec1", Role.Specialist), Add("spec2", Role.Specialist)], department);
    }

    private static Unit Unit(Random rng, string code, string name, string type, Unit? parent)
    {
        var id = Id(rng);
        return new Unit { Id = id, Code = code, Name = name, TypeCode = type, ParentId = parent?.Id, Path = $"{parent?.Path ?? "/"}{id}/", EffectiveFrom = new DateOnly(2020, 1, 1) };
    }

    public static Guid Id(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }
}
