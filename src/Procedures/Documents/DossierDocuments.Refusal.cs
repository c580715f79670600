using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;

namespace Procedures.Documents;

public sealed partial class DossierDocuments
{
    /// <summary>
    /// Form 03 for a refused dossier, at the counter or during processing, with the reason written when it was refused.
    /// The one-stop shop hands it to the citizen, so it is signed by the clerk who received the dossier.
    /// </summary>
    public async Task<DomainResult<GeneratedDocument>> RefusalAsync(Guid dossierId, string actor, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(dossierId, actor, ct);
        if (loaded.Error is { } notFound) return notFound;
        var (d, agency, applicant) = loaded.Value!;
        if (!RefusalApplies(d) || d.Outcome.Result != DossierResult.Refused || d.Dates.FinishedAt is not { } refusedAt)
            return NotApplicable("not-refused", Refusal, "hồ sơ không bị từ chối", "the dossier was not refused");
        if (await SignedAsync(d.Id, Signatures.SignedKinds.Refusal, ct) is { } signed) return signed;

        var refusal = d.Events.LastOrDefault(e => e.Kind is "NotAccepted" or "Refused");
        var reason = refusal?.Comment ?? d.Outcome.ResultNote ?? "";
        var form = new RefusalForm(agency, d.Code, d.ProcedureName, applicant, reason, await FullNameAsync(d.Dates.ReceivedBy, ct), FormMapping.Vn(refusedAt));
        return GeneratedDocument.FromPdf($"phieu-tu-choi-{d.Code}", FormRenderer.Render(form));
    }
}
