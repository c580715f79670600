using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Persistence;

namespace Procedures.Signatures;

/// <summary>
/// What the signing step is about to sign, taken from the dossier under its lock: the result form, the dossier's revision then,
/// and the SHA-256 of the form's content, which the step checks again under the lock before it stores the signature.
/// </summary>
public sealed record PendingResult(Guid Id, Guid DossierId, int Revision, string UserName, ResultForm Form, string FormSha256,
    string Reason, string Location, DateTimeOffset At);

/// <summary>
/// The signing step's signature in three parts, so that no dossier lock waits on a signing device: <see cref="PrepareAsync"/>
/// reads what to sign under the step's lock; <see cref="SignAsync"/> renders and signs it with no transaction open (a remote
/// service may wait for the official's confirmation); <see cref="StoreAsync"/>, under the step's lock again, checks that the
/// dossier still produces the same document and stores the signed PDF with its SHA-256 in the step's transaction. Off (the step
/// is a decision only, as before) until an operator configures a signer: <see cref="SignatureSettings.KeyEncryptionKey"/> or a remote service.
/// </summary>
public sealed class ResultSigning(ProceduresDb db, IDocumentSigner signer, TrustStore trust, SignatureSettings settings,
    TimestampAuthority timestamps, DocumentSettings documents, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Enabled => settings.Enabled;

    internal async Task<PendingResult> PrepareAsync(DossierWork work, Guid unitId, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var (form, location) = await FormAsync(work, unitId, id, now, ct);
        return new PendingResult(id, work.Dossier.Id, work.Dossier.Revision, work.Actor.UserName, form, Hash(form),
            $"Kết quả giải quyết hồ sơ {form.DossierCode}", location, now);
    }

    /// <summary>Renders and signs; holds no lock and no transaction. A refusal, a timeout or a certificate problem is a result.</summary>
    public async Task<DomainResult<SignedResult>> SignAsync(PendingResult pending, string? onBehalfOf, CancellationToken ct)
    {
        var key = await signer.KeyForAsync(pending.UserName, ct);
        if (key.Error is { } noKey) return noKey;
        if (trust.Check(key.Value!.Certificate, key.Value.Chain, pending.At) is { } refused) return refused;
        var rendered = FormRenderer.Render(pending.Form);
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, pending.Reason, pending.Location, key.Value, pending.At, ct,
            new PdfSigning(settings.SubFilter, timestamps));
        if (signed.Error is { } failed) return failed;
        return new SignedResult(pending.Id, pending.DossierId, $"ket-qua-{pending.Form.DossierCode}.pdf", signed.Value!,
            Convert.ToHexStringLower(SHA256.HashData(signed.Value!)), pending.UserName, onBehalfOf, pending.Form.SignerName,
            key.Value.Certificate.Thumbprint, pending.At);
    }

    /// <summary>
    /// Under the step's lock: the dossier must still produce the document that was signed (same form content, same hash), and the
    /// stored bytes must be the signed ones; otherwise the signature is discarded and nothing is stored.
    /// </summary>
    internal async Task<DomainError?> StoreAsync(DossierWork work, Guid unitId, PendingResult pending, SignedResult signed, CancellationToken ct)
    {
        var (form, _) = await FormAsync(work, unitId, pending.Id, pending.At, ct);
        if (work.Dossier.Revision != pending.Revision || Hash(form) != pending.FormSha256) return SigningProblems.DossierMoved();
        if (Convert.ToHexStringLower(SHA256.HashData(signed.Content)) != signed.Sha256) return SigningProblems.DossierMoved();
        await SignedResults.AddAsync(work.Transaction, signed, ct);
        return null;
    }

    async Task<(ResultForm Form, string Location)> FormAsync(DossierWork work, Guid unitId, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        var d = work.Dossier;
        var official = await db.Officials.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.UserName == work.Actor.UserName, ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == d.ReceivingUnitId, ct);
        var parent = unit.ParentId is { } parentId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct) : null;
        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var form = new ResultForm(FormMapping.Agency(unit, parent), d.Code!, procedure,
            new FormApplicant(d.Applicant.FullName, d.Applicant.IdNumber, null, null, d.Applicant.Address),
            "Hồ sơ đã được giải quyết; kết quả được ký số bởi người có thẩm quyền.",
            SignerTitles.Of(official, unitId), official.FullName, at, VerificationLink(id));
        return (form, unit.Name);
    }

    /// <summary>The SHA-256 of the form's content: what the dossier says the document is, checked again before the signature is kept.</summary>
    static string Hash(ResultForm form) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(form, Json)));

    /// <summary>The public verification page for this result; the QR on the PDF leads there (no personal data in it).</summary>
    Uri VerificationLink(Guid resultId) => new(documents.TrackingBaseUrl, $"/xac-thuc?ket-qua={resultId:N}");
}
