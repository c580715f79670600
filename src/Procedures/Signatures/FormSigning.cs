using Microsoft.EntityFrameworkCore;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Persistence;

namespace Procedures.Signatures;

/// <summary>
/// The forms an official signs when issuing them, built from the dossier under the use case's lock: the refusal (Form 03,
/// signed by whoever refuses: the clerk at the counter, the official during processing) and the apology with a new
/// appointment (Form 04, signed by the processing unit's leader, "KT." for a deputy). Signed and stored by
/// <see cref="DocumentSigning"/>, like the result; each use case calls <see cref="Build"/> before and again under the lock.
/// </summary>
public sealed class FormSigning(ProceduresDb db, DocumentSigning signing, TimeProvider clock)
{
    public bool Enabled => signing.Enabled;

    public DocumentSigning Signing => signing;

    /// <summary>What a pending signature of <paramref name="document"/> looks like, taken at the dossier's revision now.</summary>
    internal PendingSignature Pending(DossierWork work, DocumentToSign document, DateTimeOffset at) =>
        new(Guid.NewGuid(), work.Dossier.Id, work.Dossier.Revision, work.Actor.UserName, document, at);

    /// <summary>The signing time of a form about to be issued: the server's clock now.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    internal async Task<DocumentToSign> RefusalAsync(DossierWork work, DossierWorkItem item, string reason, DateTimeOffset at, CancellationToken ct)
    {
        var d = work.Dossier;
        var (agency, location) = await AgencyAsync(d.ReceivingUnitId, ct);
        var title = item.StepId == DossierSteps.Receive || item.Unit is not { } unit ? RefusalForm.ClerkTitle : Title(await OfficialAsync(work, ct), unit);
        var form = new RefusalForm(agency, d.Code, await ProcedureAsync(d, ct), Applicant(d), reason, work.Actor.FullName, FormMapping.Vn(at), title);
        var code = d.Code ?? d.Id.ToString("N")[..8];
        return DocumentToSign.Of(SignedKinds.Refusal, $"phieu-tu-choi-{code}.pdf", $"Phiếu từ chối tiếp nhận giải quyết hồ sơ {d.Code}".TrimEnd(),
            location, form.ReceivingClerk, form, FormRenderer.RenderToSign);
    }

    internal async Task<DocumentToSign> ApologyAsync(DossierWork work, DateTimeOffset previous, DateTimeOffset next, string reason, Guid delayUnitId,
        DateTimeOffset at, CancellationToken ct)
    {
        var d = work.Dossier;
        var (agency, location) = await AgencyAsync(d.ReceivingUnitId, ct);
        var delaying = await db.Units.AsNoTracking().Where(u => u.Id == delayUnitId).Select(u => u.Name).SingleAsync(ct);
        var form = new ApologyForm(agency, d.Code!, await ProcedureAsync(d, ct), Applicant(d), FormMapping.Vn(d.ReceivedAt ?? at), FormMapping.Vn(previous),
            FormMapping.Vn(next), reason, delaying, SignerTitles.Of(await OfficialAsync(work, ct), d.ProcessingUnitId), work.Actor.FullName, FormMapping.Vn(at));
        return DocumentToSign.Of(SignedKinds.Apology, $"phieu-xin-loi-{d.Code}.pdf", $"Phiếu xin lỗi và hẹn lại ngày trả kết quả hồ sơ {d.Code}",
            location, form.SignerName, form, FormRenderer.RenderToSign);
    }

    /// <summary>A leader signs under their title (KT. for a deputy); a specialist under their position, else as the dossier's handler.</summary>
    static string Title(Organisation.Official official, Guid unit) =>
        official.Memberships.Any(m => m.UnitId == unit && m.Roles.Any(r => r is Organisation.Role.UnitLeader or Organisation.Role.DeputyLeader or Organisation.Role.SectionHead))
            ? SignerTitles.Of(official, unit)
            : string.IsNullOrWhiteSpace(official.Position) ? "NGƯỜI XỬ LÝ HỒ SƠ" : official.Position.Trim().ToUpperInvariant();

    async Task<(FormAgency Agency, string Location)> AgencyAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var parent = unit.ParentId is { } parentId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct) : null;
        return (FormMapping.Agency(unit, parent), unit.Name);
    }

    Task<Organisation.Official> OfficialAsync(DossierWork work, CancellationToken ct) =>
        db.Officials.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.UserName == work.Actor.UserName, ct);

    Task<string> ProcedureAsync(Dossier d, CancellationToken ct) =>
        db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.Name).SingleAsync(ct);

    static FormApplicant Applicant(Dossier d) =>
        new(d.Applicant.FullName, d.Applicant.IdNumber, d.Applicant.Phone, d.Applicant.Email, d.Applicant.Address);
}
