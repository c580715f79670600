using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// A small province: commune A (its officials) with its one-stop shop, commune B with its own shop and clerk, a
/// tax office and a land office to consult; a 5-day procedure with required documents and a fixed fee, a
/// consultation procedure, and a same-day certification with the per-page fee — each bound to a test definition.
/// </summary>
public sealed record TestOrg(Guid Province, Guid CommuneA, Guid ShopA, Guid CommuneB, Guid ShopB, Guid Tax, Guid Land,
    Guid Business, Guid Form, Guid IdCopy, Guid Lease, Guid Minutes, Guid LandCertificate, Guid LandApplication, Guid Certification)
{
    public const string ShopACode = "000.21.40.H40";
    public const string ClerkA = "clerk.a", SpecialistA = "specialist.a", SpecialistA2 = "specialist.a2", HeadA = "head.a",
        LeaderA = "leader.a", DeputyA = "deputy.a", ClerkB = "clerk.b", TaxOfficer = "tax.officer", LandOfficer = "land.officer";

    public static async Task<TestOrg> SeedAsync(ProceduresDb db)
    {
        db.UnitTypes.AddRange(new UnitType { Code = "province", Name = "Tỉnh", Rank = 1 }, new UnitType { Code = "commune", Name = "Xã", Rank = 2 },
            new UnitType { Code = "one-stop", Name = "Bộ phận một cửa", Rank = 3 }, new UnitType { Code = "agency", Name = "Cơ quan", Rank = 2 });
        var province = Unit("000.00.00.H40", "Tỉnh Ninh Bình", "province", null);
        var communeA = Unit("000.01.40.H40", "UBND xã An Phú", "commune", province);
        var shopA = Unit(ShopACode, "Bộ phận một cửa xã An Phú", "one-stop", communeA);
        var communeB = Unit("000.02.40.H40", "UBND xã Bình Minh", "commune", province);
        var shopB = Unit("000.22.40.H40", "Bộ phận một cửa xã Bình Minh", "one-stop", communeB);
        var tax = Unit("000.30.40.H40", "Thuế cơ sở 1", "agency", province);
        var land = Unit("000.31.40.H40", "Văn phòng đăng ký đất đai", "agency", province);
        db.Units.AddRange(province, communeA, shopA, communeB, shopB, tax, land);

        Official(db, ClerkA, "Nguyễn Thị Tiếp", (shopA, [Role.Clerk]));
        Official(db, SpecialistA, "Trần Văn Thẩm", (communeA, [Role.Specialist]));
        Official(db, SpecialistA2, "Lê Thị Định", (communeA, [Role.Specialist]));
        Official(db, HeadA, "Phạm Văn Trưởng", (communeA, [Role.SectionHead]));
        Official(db, LeaderA, "Hoàng Văn Chủ", (communeA, [Role.UnitLeader]));
        Official(db, DeputyA, "Vũ Thị Phó", (communeA, [Role.DeputyLeader]));
        Official(db, ClerkB, "Đỗ Văn Nhận", (shopB, [Role.Clerk]));
        Official(db, TaxOfficer, "Bùi Văn Thuế", (tax, [Role.Specialist]));
        Official(db, LandOfficer, "Ngô Thị Đất", (land, [Role.Specialist]));

        var sector = new Sector { Id = Guid.NewGuid(), Code = "HKD", Name = "Thành lập và hoạt động của hộ kinh doanh" };
        db.Sectors.Add(sector);
        var business = Procedure(sector, "2.000720", "Đăng ký thành lập hộ kinh doanh", LegalTimeLimit.WorkingDays(5),
            [new Fee { Name = "Lệ phí đăng ký", Kind = FeeKind.Fixed, Amount = 100_000 }], [Channel.Counter, Channel.Online, Channel.Post]);
        var form = Document(business, 1, "Giấy đề nghị đăng ký hộ kinh doanh", optional: false);
        var idCopy = Document(business, 2, "Bản sao giấy tờ pháp lý của cá nhân", optional: false);
        var lease = Document(business, 3, "Hợp đồng thuê địa điểm kinh doanh", optional: true);
        var minutes = Document(business, 4, "Biên bản họp thành viên hộ gia đình", optional: false);
        var landCertificate = Procedure(sector, "1.012345", "Cấp giấy chứng nhận có liên thông thuế", LegalTimeLimit.WorkingDays(10), [], [Channel.Counter]);
        var landApplication = Document(landCertificate, 1, "Đơn đăng ký", optional: false);
        var certification = Procedure(sector, "2.000815", "Chứng thực bản sao từ bản chính", LegalTimeLimit.SameDay,
            [new Fee { Name = "Phí chứng thực", Kind = FeeKind.PerPage, Amount = 2_000, FirstPages = 2, NextPageAmount = 1_000, MaxPerCopy = 200_000 }],
            [Channel.Counter]);
        db.Procedures.AddRange(business, landCertificate, certification);
        db.Competences.AddRange(
            Competence(business, communeA, "test-six-step"), Competence(landCertificate, communeA, "test-consultation"),
            Competence(certification, communeA, "test-same-day"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new TestOrg(province.Id, communeA.Id, shopA.Id, communeB.Id, shopB.Id, tax.Id, land.Id,
            business.Id, form.Id, idCopy.Id, lease.Id, minutes.Id, landCertificate.Id, landApplication.Id, certification.Id);
    }

    private static Unit Unit(string code, string name, string type, Unit? parent)
    {
        var id = Guid.NewGuid();
        return new Unit { Id = id, Code = code, Name = name, TypeCode = type, ParentId = parent?.Id, Path = $"{parent?.Path ?? "/"}{id}/", EffectiveFrom = new DateOnly(2020, 1, 1) };
    }

    private static void Official(ProceduresDb db, string userName, string fullName, params (Unit Unit, List<Role> Roles)[] memberships)
    {
        var id = Guid.NewGuid();
        db.Officials.Add(new Official
        {
            Id = id, UserName = userName, FullName = fullName,
            Memberships = memberships.Select(m => new Membership { Id = Guid.NewGuid(), OfficialId = id, UnitId = m.Unit.Id, Roles = m.Roles, EffectiveFrom = new DateOnly(2020, 1, 1) }).ToList(),
        });
    }

    private static Procedure Procedure(Sector sector, string code, string name, LegalTimeLimit limit, List<Fee> fees, List<Channel> channels) => new()
    {
        Id = Guid.NewGuid(), Code = code, Name = name, Level = "commune", SectorId = sector.Id, TimeLimitKind = limit.Kind,
        TimeLimitAmount = limit.Amount, Fees = fees, Channels = channels, RetentionYears = 10,
    };

    private static ProcedureDocument Document(Procedure procedure, int order, string name, bool optional)
    {
        var document = new ProcedureDocument { Id = Guid.NewGuid(), ProcedureId = procedure.Id, Order = order, Name = name, IsOptional = optional };
        procedure.RequiredDocuments.Add(document);
        return document;
    }

    private static Competence Competence(Procedure procedure, Unit unit, string definition) => new()
    {
        Id = Guid.NewGuid(), ProcedureId = procedure.Id, UnitId = unit.Id, WorkflowDefinitionId = definition, EffectiveFrom = new DateOnly(2020, 1, 1),
    };
}
