using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Forms;

namespace Procedures.Documents;

public sealed partial class DossierDocuments
{
    /// <summary>
    /// Form 04 once the processing unit has apologised: the appointment it replaced and the new one as recorded with the
    /// apology, the unit that caused the delay, and the leader who signed it with the title they sign under.
    /// </summary>
    public async Task<DomainResult<GeneratedDocument>> ApologyAsync(Guid dossierId, string actor, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(dossierId, actor, ct);
        if (loaded.Error is { } notFound) return notFound;
        var (d, agency, applicant) = loaded.Value!;
        var apology = d.Events.LastOrDefault(e => e.Kind == "Apologised");
        if (!ApologyApplies(d) || d.Dates.ApologyAt is not { } apologisedAt || apology is null || d.Dates.DelayUnitId is not { } delayUnitId
            || d.Dates.ReceivedAt is not { } receivedAt
            || (EventFacts.Instant(apology, "previousAppointmentAt") ?? d.Dates.OriginalAppointmentAt) is not { } previous
            || (EventFacts.Instant(apology, "newAppointmentAt") ?? d.Dates.AppointmentAt) is not { } next)
            return NotApplicable("no-apology", Apology, "hồ sơ chưa có văn bản xin lỗi và hẹn lại ngày trả kết quả",
                "no apology with a new appointment was issued for this dossier");
        if (await SignedAsync(d.Id, Signatures.SignedKinds.Apology, ct) is { } signed) return signed;

        var delayingUnit = await db.Units.AsNoTracking().Where(u => u.Id == delayUnitId).Select(u => u.Name).SingleAsync(ct);
        var signer = await db.Officials.AsNoTracking().Include(o => o.Memberships).SingleOrDefaultAsync(o => o.UserName == apology.Actor, ct);
        var title = signer is null ? SignerTitles.Head : SignerTitles.Of(signer, d.ProcessingUnitId);
        var form = new ApologyForm(agency, d.Code!, d.ProcedureName, applicant, FormMapping.Vn(receivedAt), FormMapping.Vn(previous), FormMapping.Vn(next),
            d.Dates.ApologyReason ?? apology.Comment ?? "", delayingUnit, title, apology.ActorName, FormMapping.Vn(apologisedAt));
        return GeneratedDocument.FromPdf($"phieu-xin-loi-{d.Code}", FormRenderer.Render(form));
    }
}
