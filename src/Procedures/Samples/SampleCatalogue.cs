using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Procedures.Catalogue;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Samples;

public static partial class SampleData
{
    /// <summary>Sectors (reused when the code exists) and procedures (skipped when the code exists), by code.</summary>
    private static async Task<(int Sectors, Dictionary<string, Procedure> Procedures)> AddCatalogueAsync(
        ProceduresDb db, CatalogueFile file, CancellationToken ct)
    {
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);
        foreach (var entry in file.Sectors.Where(s => !sectors.ContainsKey(s.Code)))
            db.Sectors.Add(sectors[entry.Code] = new Sector { Id = Guid.CreateVersion7(), Code = entry.Code, Name = entry.Name, NameEn = entry.NameEn });

        var existing = await db.Procedures.Select(p => p.Code).ToListAsync(ct);
        var procedures = new Dictionary<string, Procedure>(StringComparer.Ordinal);
        foreach (var entry in file.Procedures.Where(p => !existing.Contains(p.Code)))
        {
            var draft = new ProcedureDraft(entry.Code, entry.Name, entry.Level, sectors[entry.Sector].Id, entry.TimeLimit.Kind, entry.TimeLimit.Amount,
                entry.Channels, entry.Documents.Select(d => new DocumentDraft(d.Name, d.Copies, d.Form, d.Optional, d.Template)).ToList(),
                entry.Fees, entry.Results, entry.NameEn, entry.LegalBasis, entry.Description, entry.RetentionYears);
            if (ProcedureRules.Check(draft) is { } invalid) throw Broken(entry.Code, invalid);
            if (!await db.UnitTypes.AnyAsync(t => t.Code == entry.Level, ct))
                throw new InvalidDataException($"Sample procedure '{entry.Code}': unknown level '{entry.Level}'.");
            var procedure = new Procedure { Id = Guid.CreateVersion7() };
            draft.ApplyTo(procedure);
            db.Procedures.Add(procedure);
            procedures.Add(procedure.Code, procedure);
        }
        return (file.Sectors.Count, procedures);
    }

    private static async Task<(int Bound, IReadOnlyList<string> Skipped)> BindCompetencesAsync(
        ProceduresDb db, DefinitionStore definitions, ILogger logger, CatalogueFile file,
        Dictionary<string, Procedure> procedures, Dictionary<string, Unit> units, CancellationToken ct)
    {
        var bound = 0;
        var skipped = new List<string>();
        foreach (var entry in file.Procedures.Where(p => procedures.ContainsKey(p.Code)))
        {
            if (!await BindCompetenceHandler.IsPublishedAsync(definitions, entry.Workflow, null, ct))
            {
                logger.LogWarning("Sample procedure {Code} not bound to a unit: workflow '{Workflow}' is not published.", entry.Code, entry.Workflow);
                skipped.Add(entry.Workflow);
                continue;
            }
            foreach (var unitCode in entry.CompetentUnits)
            {
                db.Competences.Add(new Competence
                {
                    Id = Guid.CreateVersion7(), ProcedureId = procedures[entry.Code].Id, UnitId = units[unitCode].Id,
                    WorkflowDefinitionId = entry.Workflow, EffectiveFrom = file.CompetenceFrom,
                });
                bound++;
            }
        }
        return (bound, skipped);
    }
}
