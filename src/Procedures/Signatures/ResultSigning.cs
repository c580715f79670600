using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Persistence;

namespace Procedures.Signatures;

/// <summary>
/// The signing step's signature: renders the dossier's electronic result, has the signer's key sign it (stored PKCS#12
/// or a remote service), and stores the signed PDF with its SHA-256 in the step's own transaction, before the step is
/// completed; any refusal leaves the dossier where it was. Off (the step is a decision only, as before) until an
/// operator configures a signer: <see cref="SignatureSettings.KeyEncryptionKey"/> or a remote service.
/// </summary>
public sealed class ResultSigning(ProceduresDb db, IDocumentSigner signer, TrustStore trust, SignatureSettings settings,
    DocumentSettings documents, TimeProvider clock)
{
    public bool Enabled => settings.Enabled;

    internal async Task<DomainResult<SignedResult>> SignAsync(DossierWork work, Guid unitId, string? onBehalfOf, CancellationToken ct)
    {
        var d = work.Dossier;
        var key = await signer.KeyForAsync(work.Actor.UserName, ct);
        if (key.Error is { } noKey) return noKey;
        var now = clock.GetUtcNow();
        if (trust.Check(key.Value!.Certificate, key.Value.Chain, now) is { } refused) return refused;

        var official = await db.Officials.AsNoTracking().Include(o => o.Memberships).SingleAsync(o => o.UserName == work.Actor.UserName, ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == d.ReceivingUnitId, ct);
        var parent = unit.ParentId is { } parentId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct) : null;
        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var id = Guid.NewGuid();
        var form = new ResultForm(FormMapping.Agency(unit, parent), d.Code!, procedure,
            new FormApplicant(d.Applicant.FullName, d.Applicant.IdNumber, null, null, d.Applicant.Address),
            "Hồ sơ đã được giải quyết; kết quả được ký số bởi người có thẩm quyền.",
            SignerTitles.Of(official, unitId), official.FullName, now, VerificationLink(id));
        var rendered = FormRenderer.Render(form);
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, $"Kết quả giải quyết hồ sơ {d.Code}", unit.Name, key.Value, now, ct);
        if (signed.Error is { } failed) return failed;

        var result = new SignedResult(id, d.Id, $"ket-qua-{d.Code}.pdf", signed.Value!, Convert.ToHexStringLower(SHA256.HashData(signed.Value!)),
            work.Actor.UserName, onBehalfOf, official.FullName, key.Value.Certificate.Thumbprint, now);
        await SignedResults.AddAsync(work.Transaction, result, ct);
        return result;
    }

    /// <summary>The public verification page for this result; the QR on the PDF leads there (no personal data in it).</summary>
    Uri VerificationLink(Guid resultId) => new(documents.TrackingBaseUrl, $"/xac-thuc?ket-qua={resultId:N}");
}
