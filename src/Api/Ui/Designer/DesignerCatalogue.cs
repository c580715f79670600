using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Persistence;

namespace Api.Ui.Designer;

/// <summary>The catalogue's legal time limit for a workflow: that of the procedure whose competences run it.</summary>
public sealed record CatalogueLimit(string ProcedureCode, string ProcedureName, LegalTimeLimit Limit);

public static class DesignerCatalogue
{
    /// <summary>The strictest limit among the procedures run with this workflow; none when no unit runs a procedure with it yet.</summary>
    public static async Task<CatalogueLimit?> LimitAsync(ProceduresDb db, string definitionId, CancellationToken ct = default)
    {
        var procedures = await db.Competences.AsNoTracking().Where(c => c.WorkflowDefinitionId == definitionId)
            .Join(db.Procedures.AsNoTracking(), c => c.ProcedureId, p => p.Id, (_, p) => p)
            .Select(p => new { p.Code, p.Name, p.TimeLimitKind, p.TimeLimitAmount }).Distinct().ToListAsync(ct);
        return procedures.Select(p => new CatalogueLimit(p.Code, p.Name, new LegalTimeLimit(p.TimeLimitKind, p.TimeLimitAmount)))
            .OrderBy(p => DesignerCheck.AsWorkingTime(p.Limit)).ThenBy(p => p.ProcedureCode, StringComparer.Ordinal).FirstOrDefault();
    }
}
