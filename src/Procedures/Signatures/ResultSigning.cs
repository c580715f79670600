using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Persistence;

namespace Procedures.Signatures;

/// <summary>
/// The signing step's electronic result (<see cref="ResultForm"/>), signed through <see cref="DocumentSigning"/>: read under the
/// step's lock, signed with none, checked and stored under the step's lock again.
/// </summary>
public sealed class ResultSigning(ProceduresDb db, DocumentSigning signing, DocumentSettings documents, TimeProvider clock)
{
    public bool Enabled => signing.Enabled;

    internal async Task<PendingSignature> PrepareAsync(DossierWork work, Guid unitId, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        return new PendingSignature(id, work.Dossier.Id, work.Dossier.Revision, work.Actor.UserName, await DocumentAsync(work, unitId, id, now, ct), now);
    }

    /// <summary>Renders and signs; holds no lock and no transaction. A refusal, a timeout or a certificate problem is a result.</summary>
    public Task<DomainResult<SignedResult>> SignAsync(PendingSignature pending, string? onBehalfOf, CancellationToken ct) =>
        signing.SignAsync(pending, onBehalfOf, ct);

    /// <summary>Under the step's lock: the dossier must still produce the result that was signed; then it is stored.</summary>
    internal async Task<DomainError?> StoreAsync(DossierWork work, Guid unitId, PendingSignature pending, SignedResult signed, CancellationToken ct) =>
        await DocumentSigning.StoreAsync(work.Transaction, work.Dossier.Revision, await DocumentAsync(work, unitId, pending.Id, pending.At, ct), pending,
            signed, ct);

    async Task<DocumentToSign> DocumentAsync(DossierWork work, Guid unitId, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        var d = work.Dossier;
        var official = await db.Officials.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.UserName == work.Actor.UserName, ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == d.ReceivingUnitId, ct);
        var parent = unit.ParentId is { } parentId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct) : null;
        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var form = new ResultForm(FormMapping.Agency(unit, parent), d.Code!, procedure,
            new FormApplicant(d.Applicant.FullName, d.Applicant.IdNumber, null, null, d.Applicant.Address),
            "Hồ sơ đã được giải quyết; kết quả được ký số bởi người có thẩm quyền.",
            SignerTitles.Of(official, unitId), official.FullName, at, VerificationLink(documents, id));
        return DocumentToSign.Of(SignedKinds.Result, $"ket-qua-{form.DossierCode}.pdf", $"Kết quả giải quyết hồ sơ {form.DossierCode}", unit.Name,
            form.SignerName, form, FormRenderer.Render);
    }

    /// <summary>The public verification page for a signed document; the QR on the PDF leads there (no personal data in it).</summary>
    internal static Uri VerificationLink(DocumentSettings documents, Guid signedId) => new(documents.TrackingBaseUrl, $"/xac-thuc?ket-qua={signedId:N}");
}
