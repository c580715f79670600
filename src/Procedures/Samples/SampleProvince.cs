using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Persistence;

namespace Procedures.Samples;

/// <summary>The sample province as seeded (<see cref="SampleData"/>): units by code and procedures by workflow id, read back from the database.</summary>
public sealed class SampleProvince
{
    public const string Department = "000.00.07.H29", DepartmentShop = "001.00.07.H29";
    public const string YenSon = "000.01.31.H29", YenSonShop = "001.01.31.H29", YenSonPolice = "000.01.41.H29";
    public const string HamYen = "000.02.31.H29", HamYenShop = "001.02.31.H29", HamYenPolice = "000.02.41.H29";
    public const string TaxOffice = "000.00.51.H29", SocialInsurance = "000.00.61.H29";
    /// <summary>The provincial police, which issues judicial-record certificates since 1 July 2025, and its reception.</summary>
    public const string ProvincialPolice = "000.00.41.H29", ProvincialPoliceShop = "001.00.41.H29";
    /// <summary>The branch of the land registration office (Văn phòng đăng ký đất đai) that updates the cadastre and prints land certificates.</summary>
    public const string LandRegistrationOffice = "000.00.81.H29";

    private readonly IReadOnlyDictionary<string, Guid> _units;
    private readonly IReadOnlyDictionary<string, Procedure> _procedures;

    private SampleProvince(IReadOnlyDictionary<string, Guid> units, IReadOnlyDictionary<string, Procedure> procedures) =>
        (_units, _procedures) = (units, procedures);

    /// <summary>Workflow ids of the sample procedures, as the catalogue binds them.</summary>
    public IEnumerable<string> Workflows => _procedures.Keys;

    public Guid Unit(string code) => _units.TryGetValue(code, out var id) ? id : throw new KeyNotFoundException($"No sample unit {code}.");

    /// <summary>The procedure bound to <c>workflows/&lt;workflow&gt;</c>, with its documents.</summary>
    public Procedure Procedure(string workflow) =>
        _procedures.TryGetValue(workflow, out var p) ? p : throw new KeyNotFoundException($"No sample procedure runs workflow '{workflow}'.");

    /// <summary>Reads the seeded province; null when <see cref="SampleData.SeedAsync"/> has not run.</summary>
    public static async Task<SampleProvince?> LoadAsync(ProceduresDb db, CancellationToken ct = default)
    {
        if (!await db.Units.AnyAsync(u => u.Code == SampleData.ProvinceCode, ct)) return null;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal, ct);
        var competences = await db.Competences.AsNoTracking().Select(c => new { c.ProcedureId, c.WorkflowDefinitionId }).Distinct().ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments).ToDictionaryAsync(p => p.Id, ct);
        return new SampleProvince(units, competences.Where(c => procedures.ContainsKey(c.ProcedureId))
            .ToDictionary(c => c.WorkflowDefinitionId, c => procedures[c.ProcedureId], StringComparer.Ordinal));
    }
}
