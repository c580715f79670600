using Procedures.Calendar;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;

namespace Procedures.Documents;

public sealed partial class DossierDocuments
{
    private const string DefaultSupplementReason = "Hồ sơ chưa đầy đủ thành phần theo quy định.";

    /// <summary>
    /// Form 02 for the latest supplement request, from its history row (missing items, reason, who asked, when), so it
    /// can be reprinted after the supplement came in and cleared them from the dossier. Its round is how many requests
    /// the dossier has had.
    /// </summary>
    public async Task<DomainResult<GeneratedDocument>> SupplementRequestAsync(Guid dossierId, string actor, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(dossierId, actor, ct);
        if (loaded.Error is { } notFound) return notFound;
        var (d, agency, applicant) = loaded.Value!;
        var requests = d.Events.Where(e => e.Kind == "SupplementRequested").ToList();
        if (!SupplementRequestApplies(d) || requests.Count == 0 || d.Dates.ReceivedAt is not { } receivedAt)
            return NotApplicable("no-supplement-request", SupplementRequest, "hồ sơ chưa có yêu cầu bổ sung", "no supplement was requested for this dossier");

        var latest = requests[^1];
        var items = EventFacts.Strings(latest, "missingItems") is { Count: > 0 } asked ? asked : d.MissingItems;
        var form = new SupplementRequestForm(agency, d.Code, d.ProcedureName, applicant, FormMapping.Vn(receivedAt), items,
            string.IsNullOrWhiteSpace(latest.Comment) ? DefaultSupplementReason : latest.Comment, FormMapping.Vn(await SupplementDueAsync(d, latest, ct)),
            latest.ActorName, FormMapping.Vn(latest.At), requests.Count);
        return GeneratedDocument.FromPdf($"phieu-yeu-cau-bo-sung-{d.Code}", FormRenderer.Render(form));
    }

    /// <summary>
    /// The citizen's deadline: recorded on a request during processing; on the dossier while a request at the counter
    /// waits; otherwise (a counter request already answered) counted again from the request, as the use case counted it.
    /// </summary>
    private async Task<DateTimeOffset> SupplementDueAsync(DossierDetails d, EventView request, CancellationToken ct) =>
        EventFacts.Instant(request, "supplementDueAt")
        ?? (d.Status == DossierStatus.SupplementRequested ? d.Dates.SupplementDueAt : null)
        ?? calendar.Current.ComputeAppointment(request.At,
            LegalTimeLimit.WorkingDays((await supplementPolicies.EffectiveAsync(d.ProcedureId, ct)).CitizenDays), d.ReceivingUnitId.ToString());
}
