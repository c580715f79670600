using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// Reads of dossiers for officials (only the dossiers of units they belong to; others are NotFound) and the
/// public tracking by code and a second factor.
/// </summary>
public sealed partial class DossierQueries(ProceduresDb db, InstanceQueries instances, OfficialDirectory officials)
{
    public async Task<DomainResult<DossierDetails>> GetAsync(Guid dossierId, string actorName, CancellationToken ct = default)
    {
        var actor = await officials.FindAsync(actorName ?? "", ct);
        if (actor is null || !(await DossierParticipants.UnitsAsync(db, dossierId, ct)).Any(actor.BelongsTo)) return DossierWork.NoSuchDossier;
        var row = await db.Dossiers.AsNoTracking().Where(x => x.Id == dossierId)
            .Select(x => new { Dossier = x, Documents = x.Documents.OrderBy(doc => doc.Id).ToList(), Procedure = db.Procedures.First(p => p.Id == x.ProcedureId) })
            .SingleOrDefaultAsync(ct);
        if (row is null) return DossierWork.NoSuchDossier;
        var (d, procedure) = (row.Dossier, row.Procedure);
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.DossierId == dossierId).OrderBy(c => c.RequestedAt).ToListAsync(ct);
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossierId).OrderBy(e => e.Id).ToListAsync(ct);
        // Only the open steps are shown: the instance's variables and history are not read for a dossier page.
        var open = d.WorkflowInstanceId is { } id2 ? await instances.OpenWorkItemsAsync(id2, ct) : [];
        return new DossierDetails(d.Id, d.Code, d.Status, d.Status.Vietnamese(), d.Status.English(), d.ProcedureId, procedure.Code, procedure.Name,
            d.ReceivingUnitId, d.ProcessingUnitId, d.Channel, ApplicantData.From(d.Applicant), d.CitizenAccountId,
            DossierMapping.Dates(d), DossierMapping.Outcome(d), d.FeeAmount, d.MissingItems,
            row.Documents.Select(DossierMapping.Document).ToList(), events.Select(DossierMapping.Event).ToList(), open,
            consultations.Select(DossierMapping.Consultation).ToList());
    }
}
