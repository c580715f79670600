using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Responsibilities;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Responsibilities;

/// <summary>
/// Commune A as a real commune is organised: an office section (văn phòng) and an economy section (phòng kinh tế), each with its
/// section head and specialist acting for the commune, a unit admin, and a leader of commune B.
/// </summary>
public abstract class SectionTest : DossierTest
{
    public const string OfficeHead = "office.head", OfficeSpecialist = "office.specialist", EconomyHead = "economy.head",
        EconomySpecialist = "economy.specialist", AdminA = "admin.a", LeaderB = "leader.b", AdminB = "admin.b";

    protected Guid Office { get; private set; }
    protected Guid Economy { get; private set; }
    protected Guid SectionOfB { get; private set; }
    protected Guid BusinessSector { get; private set; }

    [SetUp]
    public async Task SeedSections()
    {
        Db.UnitTypes.Add(new UnitType { Code = DefaultUnitTypes.Section, Name = "Phòng, ban", Rank = 4 });
        var communeA = await Db.Units.FindAsync(Org.CommuneA);
        var communeB = await Db.Units.FindAsync(Org.CommuneB);
        var office = Section("000.41.40.H40", "Văn phòng HĐND và UBND xã An Phú", communeA!);
        var economy = Section("000.42.40.H40", "Phòng Kinh tế xã An Phú", communeA!);
        var ofB = Section("000.43.40.H40", "Phòng Kinh tế xã Bình Minh", communeB!);
        Db.Units.AddRange(office, economy, ofB);
        Official(OfficeHead, "Đinh Văn Phòng", office.Id, Role.SectionHead);
        Official(OfficeSpecialist, "Lò Thị Văn", office.Id, Role.Specialist);
        Official(EconomyHead, "Hoàng Thị Kinh", economy.Id, Role.SectionHead);
        Official(EconomySpecialist, "Vũ Đức Tế", economy.Id, Role.Specialist);
        Official(AdminA, "Đặng Văn Quản", Org.CommuneA, Role.UnitAdmin);
        Official(LeaderB, "Triệu Văn Sơn", Org.CommuneB, Role.UnitLeader);
        Official(AdminB, "Quan Văn Hải", Org.CommuneB, Role.UnitAdmin);
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
        (Office, Economy, SectionOfB) = (office.Id, economy.Id, ofB.Id);
        BusinessSector = (await Db.Procedures.FindAsync(Org.Business))!.SectorId;
    }

    private static Unit Section(string code, string name, Unit parent)
    {
        var id = Guid.NewGuid();
        return new Unit { Id = id, Code = code, Name = name, TypeCode = DefaultUnitTypes.Section, ParentId = parent.Id, Path = $"{parent.Path}{id}/", EffectiveFrom = new DateOnly(2020, 1, 1) };
    }

    private void Official(string userName, string fullName, Guid unit, Role role)
    {
        var id = Guid.NewGuid();
        Db.Officials.Add(new Official
        {
            Id = id, UserName = userName, FullName = fullName,
            Memberships = [new Membership { Id = Guid.NewGuid(), OfficialId = id, UnitId = unit, Roles = [role], EffectiveFrom = new DateOnly(2020, 1, 1) }],
        });
    }

    protected async Task<Actor> ActorOf(string userName)
    {
        await using var scope = NewScope();
        return (await scope.ServiceProvider.GetRequiredService<OfficialDirectory>().FindAsync(userName))!;
    }

    protected async Task<DomainResult<ResponsibilityView>> PutInCharge(AssignResponsibility request, string admin = AdminA)
    {
        var actor = await ActorOf(admin);
        return await Run<AssignResponsibilityHandler, DomainResult<ResponsibilityView>>(h => h.HandleAsync(actor, request));
    }

    protected Task<DomainResult<ResponsibilityView>> SectorToSection(Guid section, DateOnly? from = null, DateOnly? to = null) =>
        PutInCharge(new AssignResponsibility(Org.CommuneA, section, null, BusinessSector, null, from, to));

    protected Task<DomainResult<DossierState>> Direct(Guid id, string actor = TestOrg.LeaderA, Guid? section = null, string? specialist = null,
        string instructions = "Kiểm tra kỹ địa điểm kinh doanh", DateTimeOffset? dueAt = null) =>
        Run<DirectDossierHandler, DomainResult<DossierState>>(h => h.HandleAsync(new DirectDossier(id, actor, section, specialist, instructions, dueAt)));

    protected Task<IReadOnlyList<DirectionView>> DirectedBy(string leader, bool includeRedirected = false) =>
        Run<DirectionQueries, IReadOnlyList<DirectionView>>(q => q.MineAsync(leader, includeRedirected));

    /// <summary>The dossier's route as stored: (section, official, roles), or null for the unit's default queue.</summary>
    protected async Task<DossierRoute?> RouteOf(Guid dossier)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        return await DossierRoutes.ReadAsync(tx, dossier, default);
    }

    /// <summary>The open work items of the dossier: (step, assignee).</summary>
    protected async Task<List<(string Step, string? Assignee)>> OpenItems(Guid dossier)
    {
        await using var cmd = DataSource.CreateCommand("""
            SELECT w.step_id, w.assignee FROM engine.work_items w JOIN procedures.dossiers d ON d.workflow_instance_id = w.instance_id
            WHERE d.id = $1 AND w.status = 'Open' ORDER BY w.created_at
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = dossier });
        await using var r = await cmd.ExecuteReaderAsync();
        var items = new List<(string, string?)>();
        while (await r.ReadAsync()) items.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)));
        return items;
    }
}
