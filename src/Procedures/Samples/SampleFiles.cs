using System.Text.Json;
using System.Text.Json.Serialization;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Organisation;

namespace Procedures.Samples;

/// <summary>The shapes of <c>samples/seed/*.json</c>, read as they are written.</summary>
internal static class SampleFiles
{
    public const string Organisation = "organisation.json";
    public const string Catalogue = "catalogue.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static async Task<T> ReadAsync<T>(string directory, string file, CancellationToken ct)
    {
        await using var stream = File.OpenRead(Path.Combine(directory, file));
        return await JsonSerializer.DeserializeAsync<T>(stream, Options, ct)
            ?? throw new InvalidDataException($"{file} is empty.");
    }
}

internal sealed record OrganisationFile(DateOnly EffectiveFrom, IReadOnlyList<UnitEntry> Units, IReadOnlyList<OfficialEntry> Officials,
    IReadOnlyList<ResponsibilityEntry>? Responsibilities = null);

/// <summary>Phân quyền phụ trách: a section (unit code) or an official (user name) in charge of a sector (code) of a unit.</summary>
internal sealed record ResponsibilityEntry(string Unit, string? Section, string? Official, string Sector, string? Note);

internal sealed record UnitEntry(
    string Code, string Type, string Name, string? NameEn, string? Address, string? Phone, string? Email, string? OfficeHours,
    IReadOnlyList<UnitEntry>? Children);

internal sealed record OfficialEntry(
    string UserName, string FullName, string? Position, string? Email, string? Phone, IReadOnlyList<MembershipEntry> Memberships);

internal sealed record MembershipEntry(string Unit, IReadOnlyList<Role> Roles);

internal sealed record CatalogueFile(DateOnly CompetenceFrom, IReadOnlyList<SectorEntry> Sectors, IReadOnlyList<ProcedureEntry> Procedures);

internal sealed record SectorEntry(string Code, string Name, string? NameEn);

internal sealed record TimeLimitEntry(LegalTimeLimitKind Kind, decimal Amount);

internal sealed record DocumentEntry(string Name, int Copies = 1, DocumentForm Form = DocumentForm.Original, bool Optional = false, string? Template = null);

internal sealed record ProcedureEntry(
    string Code, string Name, string? NameEn, string Sector, string Level, string? LegalBasis, string? Description, TimeLimitEntry TimeLimit,
    IReadOnlyList<Channel> Channels, IReadOnlyList<DocumentEntry> Documents, IReadOnlyList<Fee> Fees, IReadOnlyList<string>? Results,
    int RetentionYears, string Workflow, IReadOnlyList<string> CompetentUnits, SupplementRuleOverride? Supplement = null);
