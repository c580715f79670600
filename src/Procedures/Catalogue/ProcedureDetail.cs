using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

public sealed record DocumentView(Guid Id, int Order, string Name, int Copies, DocumentForm Form, bool IsOptional, string? TemplateName)
{
    /// <summary>Whether a blank form was uploaded for the document (downloaded at <see cref="TemplateFiles.DownloadPath"/>).</summary>
    public bool HasTemplateFile { get; init; }
}

/// <summary>A procedure as the public portal and the reception counter show it, with the units competent today.</summary>
public sealed record ProcedureDetail(
    Guid Id, string Code, string Name, string? NameEn, string Level, Guid SectorId, string SectorName, string? LegalBasis, string? Description,
    LegalTimeLimit TimeLimit, IReadOnlyList<Channel> Channels, IReadOnlyList<DocumentView> Documents, IReadOnlyList<Fee> Fees,
    IReadOnlyList<string> ResultDocuments, int RetentionYears, bool IsActive, IReadOnlyList<CompetenceView> CompetentUnits)
{
    /// <summary>The fee rules in force on the day the detail was read (Vietnam calendar): what the portal and the counter show.
    /// <see cref="Fees"/> keeps every period, for the administrator.</summary>
    public IReadOnlyList<Fee> FeesInForce { get; init; } = Fees;
}

/// <summary>The detail of a procedure by id or by code. Inactive procedures are hidden unless asked for (admin screens).</summary>
public sealed record GetProcedure(Guid? ProcedureId = null, string? Code = null, bool IncludeInactive = false);

public sealed class ProcedureDetailQuery(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<ProcedureDetail>> HandleAsync(GetProcedure request, CancellationToken ct = default)
    {
        var procedure = await db.Procedures.AsNoTracking().Include(p => p.RequiredDocuments)
            .Where(p => request.ProcedureId != null ? p.Id == request.ProcedureId : p.Code == request.Code)
            .SingleOrDefaultAsync(ct);
        if (procedure is null || !procedure.IsActive && !request.IncludeInactive)
            return DomainError.NotFound("procedure", "thủ tục hành chính") with { Field = request.ProcedureId != null ? "procedureId" : "code" };
        return await LoadAsync(db, procedure, clock.Today(), ct);
    }

    internal static async Task<ProcedureDetail> LoadAsync(ProceduresDb db, Procedure p, DateOnly today, CancellationToken ct)
    {
        var sector = await db.Sectors.AsNoTracking().SingleAsync(s => s.Id == p.SectorId, ct);
        var competent = await new CompetentUnitsQuery(db).HandleAsync(new FindCompetentUnits(p.Id, today), ct);
        var withFile = await TemplateFiles.WithFileAsync(db, [.. p.RequiredDocuments.Select(d => d.Id)], ct);
        return new ProcedureDetail(p.Id, p.Code, p.Name, p.NameEn, p.Level, p.SectorId, sector.Name, p.LegalBasis, p.Description, p.TimeLimit,
            [.. p.Channels], p.RequiredDocuments.OrderBy(d => d.Order)
                .Select(d => new DocumentView(d.Id, d.Order, d.Name, d.Copies, d.Form, d.IsOptional, d.TemplateName) { HasTemplateFile = withFile.Contains(d.Id) }).ToList(),
            [.. p.Fees], [.. p.ResultDocuments], p.RetentionYears, p.IsActive, competent) { FeesInForce = FeeCalculator.InForce(p.Fees, today) };
    }
}
