using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Worker.Tests.Notifications;

/// <summary>
/// A small province written straight to the database: commune A with its office (section), commune B with its own.
/// Commune A: leader <c>ct.cuong</c>; its section: head <c>tp.binh</c>, specialists <c>cv.an</c> and <c>cv.hoa</c>.
/// Commune B: leader <c>ct.dung</c>; its section: head <c>tp.em</c>. Alerts for A's work must never reach B's people.
/// </summary>
public sealed class Province
{
    public Unit CommuneA { get; private init; } = null!;
    public Unit SectionA { get; private init; } = null!;
    public Unit CommuneB { get; private init; } = null!;
    public Unit SectionB { get; private init; } = null!;
    public Procedure Procedure { get; private init; } = null!;

    public static async Task<Province> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        await DefaultUnitTypes.EnsureAsync(db);
        var province = Unit("000.00.00.H29", "Ủy ban nhân dân tỉnh", DefaultUnitTypes.Province, null);
        var communeA = Unit("000.01.31.H29", "Ủy ban nhân dân xã Tân Phú", DefaultUnitTypes.Commune, province);
        var sectionA = Unit("002.01.31.H29", "Văn phòng xã Tân Phú", DefaultUnitTypes.Section, communeA);
        var communeB = Unit("000.02.31.H29", "Ủy ban nhân dân xã Hòa Bình", DefaultUnitTypes.Commune, province);
        var sectionB = Unit("002.02.31.H29", "Văn phòng xã Hòa Bình", DefaultUnitTypes.Section, communeB);
        db.Units.AddRange(province, communeA, sectionA, communeB, sectionB);
        db.Officials.AddRange(
            Official("ct.cuong", "Lê Văn Cường", communeA, Role.UnitLeader),
            Official("tp.binh", "Trần Thị Bình", sectionA, Role.SectionHead),
            Official("cv.an", "Nguyễn Văn An", sectionA, Role.Specialist),
            Official("cv.hoa", "Phạm Thị Hoa", sectionA, Role.Specialist),
            Official("ct.dung", "Võ Văn Dũng", communeB, Role.UnitLeader),
            Official("tp.em", "Đặng Thị Em", sectionB, Role.SectionHead));
        var sector = new Sector { Id = Guid.CreateVersion7(), Code = "HT", Name = "Hộ tịch" };
        var procedure = new Procedure { Id = Guid.CreateVersion7(), Code = "1.001193", Name = "Đăng ký khai sinh", Level = "commune", SectorId = sector.Id };
        db.Sectors.Add(sector);
        db.Procedures.Add(procedure);
        await db.SaveChangesAsync();
        return new Province { CommuneA = communeA, SectionA = sectionA, CommuneB = communeB, SectionB = sectionB, Procedure = procedure };
    }

    /// <summary>An open dossier processed by <paramref name="unit"/>, with its appointment.</summary>
    public async Task<Dossier> AddDossierAsync(IServiceProvider services, string code, Unit unit, DateTimeOffset receivedAt, DateTimeOffset appointmentAt,
        DossierStatus status = DossierStatus.Processing)
    {
        (receivedAt, appointmentAt) = (receivedAt.ToUniversalTime(), appointmentAt.ToUniversalTime());
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        var dossier = new Dossier
        {
            Id = Guid.CreateVersion7(), Code = code, ProcedureId = Procedure.Id, ReceivingUnitId = unit.Id, ProcessingUnitId = unit.Id,
            Channel = Channel.Counter, Status = status, ReceivedAt = receivedAt, ClockStartedAt = receivedAt, AppointmentAt = appointmentAt,
            OriginalAppointmentAt = appointmentAt, CreatedAt = receivedAt, UpdatedAt = receivedAt,
            Applicant = new Applicant { FullName = "Nguyễn Thị Hương", Email = "huong@example.vn", Phone = "0912345678" },
        };
        db.Dossiers.Add(dossier);
        await db.SaveChangesAsync();
        return dossier;
    }

    private static Unit Unit(string code, string name, string type, Unit? parent)
    {
        var unit = new Unit { Id = Guid.CreateVersion7(), Code = code, Name = name, TypeCode = type, ParentId = parent?.Id, EffectiveFrom = new DateOnly(2025, 7, 1) };
        unit.Path = $"{parent?.Path ?? "/"}{unit.Id}/";
        return unit;
    }

    private static Official Official(string userName, string fullName, Unit unit, Role role)
    {
        var official = new Official { Id = Guid.CreateVersion7(), UserName = userName, FullName = fullName, Email = $"{userName}@tanphu.gov.vn" };
        official.Memberships.Add(new Membership { Id = Guid.CreateVersion7(), OfficialId = official.Id, UnitId = unit.Id, Roles = [role], EffectiveFrom = new DateOnly(2025, 7, 1) });
        return official;
    }
}
