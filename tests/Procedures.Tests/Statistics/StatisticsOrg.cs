using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Statistics;

/// <summary>
/// A province (which settles some dossiers itself) with commune A (and its justice section A1 below it), commune B
/// and a department D; a 5-day procedure in sector S1 and a 3-day one in sector S2; one specialist per unit.
/// </summary>
public sealed record StatisticsOrg(Guid Province, Guid CommuneA, Guid SectionA1, Guid CommuneB, Guid Department,
    Guid FiveDay, Guid ThreeDay, Guid SectorOne, Guid SectorTwo)
{
    public const string SpecialistA = "spec.a", ClerkA = "clerk.a", SpecialistB = "spec.b", SpecialistD = "spec.d", SpecialistP = "spec.p";
    public const string Leader = "leader.p", LeaderB = "leader.b";

    public Unit[] Units { get; init; } = [];

    public static async Task<StatisticsOrg> SeedAsync(ProceduresDb db)
    {
        db.UnitTypes.AddRange(new UnitType { Code = "province", Name = "Tỉnh", Rank = 1 }, new UnitType { Code = "commune", Name = "Xã", Rank = 2 },
            new UnitType { Code = "department", Name = "Sở", Rank = 2 }, new UnitType { Code = "section", Name = "Phòng", Rank = 3 });
        var province = Unit("000.00.00.H50", "UBND tỉnh Hòa Bình", "province", null);
        var communeA = Unit("000.01.50.H50", "UBND xã An Lạc", "commune", province);
        var sectionA1 = Unit("000.11.50.H50", "Tư pháp xã An Lạc", "section", communeA);
        var communeB = Unit("000.02.50.H50", "UBND xã Bình Yên", "commune", province);
        var department = Unit("000.30.50.H50", "Sở Tư pháp", "department", province);
        db.Units.AddRange(province, communeA, sectionA1, communeB, department);
        Official(db, SpecialistA, "Trần Văn An", communeA, Role.Specialist);
        Official(db, ClerkA, "Nguyễn Thị Nhận", communeA, Role.Clerk);
        Official(db, SpecialistB, "Lê Văn Bình", communeB, Role.Specialist);
        Official(db, SpecialistD, "Phạm Thị Dung", department, Role.Specialist);
        Official(db, SpecialistP, "Hoàng Văn Phúc", province, Role.Specialist);
        Official(db, Leader, "Vũ Văn Lãnh", province, Role.UnitLeader);
        Official(db, LeaderB, "Đỗ Thị Bảo", communeB, Role.UnitLeader);

        var s1 = new Sector { Id = Guid.NewGuid(), Code = "S1", Name = "Hộ tịch" };
        var s2 = new Sector { Id = Guid.NewGuid(), Code = "S2", Name = "Chứng thực" };
        db.Sectors.AddRange(s1, s2);
        var five = Procedure(s1, "1.000001", "Đăng ký thường trú", LegalTimeLimit.WorkingDays(5));
        var three = Procedure(s2, "2.000002", "Cấp bản sao trích lục", LegalTimeLimit.WorkingDays(3));
        db.Procedures.AddRange(five, three);
        foreach (var unit in new[] { province, communeA, sectionA1, communeB, department })
        foreach (var procedure in new[] { five, three })
            db.Competences.Add(new Competence { Id = Guid.NewGuid(), ProcedureId = procedure.Id, UnitId = unit.Id, WorkflowDefinitionId = "stat-test", EffectiveFrom = new DateOnly(2020, 1, 1) });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new StatisticsOrg(province.Id, communeA.Id, sectionA1.Id, communeB.Id, department.Id, five.Id, three.Id, s1.Id, s2.Id)
        {
            Units = [province, communeA, sectionA1, communeB, department],
        };
    }

    public Actor ActorFor(Guid unitId, string userName = Leader, Role role = Role.UnitLeader)
    {
        var unit = Units.Single(u => u.Id == unitId);
        return new Actor(Guid.NewGuid(), userName, userName, null, [new ActorMembership(unit.Id, unit.Code, unit.Path, [role])]);
    }

    public Actor ProvinceLeader => ActorFor(Province);

    private static Unit Unit(string code, string name, string type, Unit? parent)
    {
        var id = Guid.NewGuid();
        return new Unit { Id = id, Code = code, Name = name, TypeCode = type, ParentId = parent?.Id, Path = $"{parent?.Path ?? "/"}{id}/", EffectiveFrom = new DateOnly(2020, 1, 1) };
    }

    private static void Official(ProceduresDb db, string userName, string fullName, Unit unit, Role role)
    {
        var id = Guid.NewGuid();
        db.Officials.Add(new Official
        {
            Id = id, UserName = userName, FullName = fullName,
            Memberships = [new Membership { Id = Guid.NewGuid(), OfficialId = id, UnitId = unit.Id, Roles = [role], EffectiveFrom = new DateOnly(2020, 1, 1) }],
        });
    }

    private static Procedure Procedure(Sector sector, string code, string name, LegalTimeLimit limit) => new()
    {
        Id = Guid.NewGuid(), Code = code, Name = name, Level = "commune", SectorId = sector.Id, TimeLimitKind = limit.Kind, TimeLimitAmount = limit.Amount,
        Channels = [Channel.Counter, Channel.Online, Channel.Post], LegalBasis = "Luật Cư trú 2020",
        RequiredDocuments = [new ProcedureDocument { Id = Guid.NewGuid(), Order = 1, Name = "Tờ khai", TemplateName = "Mẫu CT01" }],
        ResultDocuments = ["Giấy xác nhận"],
    };
}
