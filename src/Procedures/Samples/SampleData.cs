using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Samples;

/// <summary>What seeding did; <paramref name="SkippedBindings"/> names competences left out because their workflow was not published.</summary>
public sealed record SampleSeedReport(bool Seeded, int Units, int Officials, int Sectors, int Procedures, int Competences, IReadOnlyList<string> SkippedBindings)
{
    public static SampleSeedReport AlreadyPresent { get; } = new(false, 0, 0, 0, 0, 0, []);
}

/// <summary>
/// Sample organisation and catalogue of one province (<c>samples/seed/*.json</c>): units, officials for every
/// role, sectors, procedures with documents and fees, and competences bound to the workflow library. For demos,
/// development and tests; a real province enters its own data through the admin use cases.
/// </summary>
public static partial class SampleData
{
    /// <summary>Code of the sample province's root unit; its presence means the samples are seeded.</summary>
    public const string ProvinceCode = "000.00.00.H29";

    private const long AdvisoryLockKey = 0x1500_5EED_0001;

    /// <summary>
    /// Seeds everything in one transaction unless the province exists. Safe when several hosts start at once.
    /// A competence whose workflow is not published yet is skipped with a warning rather than failing start-up.
    /// With <paramref name="calendar"/> the sample units' office hours are loaded into the engine's calendar at once.
    /// </summary>
    public static async Task<SampleSeedReport> SeedAsync(
        ProceduresDb db, DefinitionStore definitions, ILogger logger, CalendarProvider? calendar = null, string? seedDirectory = null,
        CancellationToken ct = default)
    {
        var directory = seedDirectory ?? FindSeedDirectory()
            ?? throw new DirectoryNotFoundException("samples/seed was not found above the application directory; pass its path.");
        var organisation = await SampleFiles.ReadAsync<OrganisationFile>(directory, SampleFiles.Organisation, ct);
        var catalogue = await SampleFiles.ReadAsync<CatalogueFile>(directory, SampleFiles.Catalogue, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
        if (await db.Units.AnyAsync(u => u.Code == ProvinceCode, ct))
        {
            logger.LogInformation("Sample data already present (unit {Code}); nothing seeded.", ProvinceCode);
            return SampleSeedReport.AlreadyPresent;
        }

        await DefaultUnitTypes.EnsureAsync(db, ct);
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var root in organisation.Units) AddUnit(db, root, null, organisation.EffectiveFrom, units);
        var officials = AddOfficials(db, organisation, units);
        var (sectors, procedures) = await AddCatalogueAsync(db, catalogue, ct);
        var (competences, skipped) = await BindCompetencesAsync(db, definitions, logger, catalogue, procedures, units, ct);
        await db.SaveChangesAsync(ct);
        await AddResponsibilitiesAsync(db, organisation, units, ct);
        var supplementRules = new SupplementPolicies(db);
        foreach (var entry in catalogue.Procedures.Where(p => p.Supplement is not null && procedures.ContainsKey(p.Code)))
            await supplementRules.SaveOverrideAsync(procedures[entry.Code].Id, entry.Supplement!, "system",
                new DateTimeOffset(catalogue.CompetenceFrom.ToDateTime(TimeOnly.MinValue), VietnameseCalendar.UtcOffset), ct);
        // Processes that started beside this one loaded the calendar before the units' office hours existed.
        await CalendarChanges.NotifyAsync((Npgsql.NpgsqlTransaction)tx.GetDbTransaction(), "Dữ liệu mẫu", ct);
        await tx.CommitAsync(ct);
        if (calendar is not null) await calendar.ReloadAsync(db, ct);

        logger.LogInformation("Sample data seeded: {Units} units, {Officials} officials, {Procedures} procedures, {Competences} competences.",
            units.Count, officials, procedures.Count, competences);
        return new SampleSeedReport(true, units.Count, officials, sectors, procedures.Count, competences, skipped);
    }

    /// <summary>
    /// The sample responsibilities (phân quyền phụ trách), with their own SQL as the use case writes them: Hàm Yên's office holds civil
    /// status and certification, its economic section land and construction, so its dossiers wait in the section in charge.
    /// </summary>
    private static async Task AddResponsibilitiesAsync(ProceduresDb db, OrganisationFile file, Dictionary<string, Unit> units, CancellationToken ct)
    {
        var sectors = await db.Sectors.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.Ordinal, ct);
        foreach (var entry in file.Responsibilities ?? [])
        {
            var unit = units.GetValueOrDefault(entry.Unit) ?? throw Broken(entry.Unit, "no such unit");
            var section = entry.Section is null ? (Guid?)null : (units.GetValueOrDefault(entry.Section) ?? throw Broken(entry.Section, "no such section")).Id;
            var official = entry.Official is null ? (Guid?)null
                : await db.Officials.Where(o => o.UserName == entry.Official).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct) ?? throw Broken(entry.Official, "no such official");
            var sector = sectors.TryGetValue(entry.Sector, out var id) ? id : throw Broken(entry.Sector, "no such sector");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO procedures.responsibilities (id, unit_id, section_id, official_id, sector_id, effective_from, note, created_by, created_at)
                VALUES ({Guid.CreateVersion7()}, {unit.Id}, {section}, {official}, {sector}, {file.EffectiveFrom}, {entry.Note}, 'system',
                    {new DateTimeOffset(file.EffectiveFrom.ToDateTime(TimeOnly.MinValue), VietnameseCalendar.UtcOffset).ToUniversalTime()})
                """, ct);
        }
    }

    /// <summary>The <c>samples/seed</c> folder in or above the application's directory or the working directory.</summary>
    public static string? FindSeedDirectory()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "seed");
                if (File.Exists(Path.Combine(candidate, SampleFiles.Organisation))) return candidate;
            }
        return null;
    }

    private static void AddUnit(ProceduresDb db, UnitEntry entry, Unit? parent, DateOnly from, Dictionary<string, Unit> units)
    {
        // The samples must pass the rules an admin's input passes; a broken file is a bug, so it throws.
        if ((FieldRules.CheckUnitCode(entry.Code) ?? FieldRules.CheckPhone(entry.Phone) ?? FieldRules.CheckEmail(entry.Email)
            ?? FieldRules.CheckOfficeHours(entry.OfficeHours)) is { } invalid) throw Broken(entry.Code, invalid);
        var unit = new Unit
        {
            Id = Guid.CreateVersion7(), Code = entry.Code, Name = entry.Name, NameEn = entry.NameEn, TypeCode = entry.Type, ParentId = parent?.Id,
            Address = entry.Address, Phone = entry.Phone, Email = entry.Email, OfficeHours = entry.OfficeHours, EffectiveFrom = from,
        };
        unit.Path = $"{parent?.Path ?? "/"}{unit.Id}/";
        db.Units.Add(unit);
        units.Add(unit.Code, unit);
        foreach (var child in entry.Children ?? []) AddUnit(db, child, unit, from, units);
    }

    private static int AddOfficials(ProceduresDb db, OrganisationFile file, Dictionary<string, Unit> units)
    {
        var officials = file.Officials.Select(e => (Entry: e, Official: new Official
        {
            Id = Guid.CreateVersion7(), UserName = e.UserName, FullName = e.FullName, Position = e.Position, Email = e.Email ?? $"{e.UserName}@tuyenquang.example", Phone = e.Phone,
        })).ToList();
        // Unit admins in the samples were delegated by the system admin, as DelegateUnitAdmin records it.
        var systemAdmin = officials.First(o => o.Entry.Memberships.Any(m => m.Roles.Contains(Role.SystemAdmin))).Official.Id;
        foreach (var (entry, official) in officials)
        {
            if ((FieldRules.CheckUserName(entry.UserName) ?? FieldRules.CheckPhone(entry.Phone) ?? FieldRules.CheckEmail(official.Email)) is { } invalid)
                throw Broken(entry.UserName, invalid);
            official.Memberships.AddRange(entry.Memberships.Select(m => new Membership
            {
                Id = Guid.CreateVersion7(), OfficialId = official.Id, UnitId = units[m.Unit].Id, Roles = [.. m.Roles], EffectiveFrom = file.EffectiveFrom,
                DelegatedBy = m.Roles.Contains(Role.UnitAdmin) ? systemAdmin : null,
            }));
            db.Officials.Add(official);
        }
        return officials.Count;
    }

    private static InvalidDataException Broken(string what, DomainError error) => new($"Sample data '{what}': {error.MessageEn} ({error.Field})");

    private static InvalidDataException Broken(string what, string problem) => new($"Sample data '{what}': {problem}");
}
