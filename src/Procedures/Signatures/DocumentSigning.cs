using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Procedures.Common;
using Procedures.Forms;

namespace Procedures.Signatures;

/// <summary>
/// A document a use case is about to sign, read from the dossier under its lock: what it is, its file name, the signature's
/// reason and location, and the SHA-256 of the form's content, checked again under the lock before the signature is kept.
/// </summary>
public sealed record DocumentToSign(string Kind, string FileName, string Reason, string Location, string SignerName, string ContentSha256,
    Func<RenderedForm> Render)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DocumentToSign Of<TForm>(string kind, string fileName, string reason, string location, string signerName, TForm form,
        Func<TForm, RenderedForm> render) =>
        new(kind, fileName, reason, location, signerName, Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(form, Json))),
            () => render(form));
}

/// <summary>What a use case signs before it moves the dossier: the document, the dossier's revision then, the signer and the time.</summary>
public sealed record PendingSignature(Guid Id, Guid DossierId, int Revision, string UserName, DocumentToSign Document, DateTimeOffset At);

/// <summary>
/// Signing a dossier's document in three parts, so that no dossier lock waits on a signing device: the use case reads what to
/// sign under its lock (a <see cref="PendingSignature"/>); <see cref="SignAsync"/> renders and signs it with no transaction
/// open (a remote service may wait for the official's confirmation); <see cref="StoreAsync"/>, under the use case's lock again,
/// checks that the dossier still produces the same document and stores the signed PDF in the use case's transaction. Off until
/// an operator configures a signer: <see cref="SignatureSettings.KeyEncryptionKey"/> or a remote service.
/// </summary>
public sealed class DocumentSigning(IDocumentSigner signer, TrustStore trust, SignatureSettings settings, TimestampAuthority timestamps)
{
    public bool Enabled => settings.Enabled;

    /// <summary>Renders and signs; holds no lock and no transaction. A refusal, a timeout or a certificate problem is a result.</summary>
    public async Task<DomainResult<SignedResult>> SignAsync(PendingSignature pending, string? onBehalfOf, CancellationToken ct)
    {
        var key = await signer.KeyForAsync(pending.UserName, ct);
        if (key.Error is { } noKey) return noKey;
        if (trust.Check(key.Value!.Certificate, key.Value.Chain, pending.At) is { } refused) return refused;
        var document = pending.Document;
        var rendered = document.Render();
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, document.Reason, document.Location, key.Value, pending.At, ct,
            new PdfSigning(settings.SubFilter, timestamps));
        if (signed.Error is { } failed) return failed;
        var pdf = settings.LongTermValidation ? ValidationData.Add(signed.Value!, trust, pending.At) : signed.Value!;
        return new SignedResult(pending.Id, pending.DossierId, document.FileName, pdf, Convert.ToHexStringLower(SHA256.HashData(pdf)),
            pending.UserName, onBehalfOf, document.SignerName,
            key.Value.Certificate.Thumbprint, pending.At, document.Kind);
    }

    /// <summary>
    /// Under the use case's lock: the dossier must be at the revision it was signed at and still produce the document that was
    /// signed (<paramref name="again"/>, read now, has the same content hash), and the stored bytes must be the signed ones;
    /// otherwise the signature is discarded and nothing is stored.
    /// </summary>
    public static async Task<DomainError?> StoreAsync(NpgsqlTransaction tx, int revisionNow, DocumentToSign again, PendingSignature pending,
        SignedResult signed, CancellationToken ct)
    {
        if (revisionNow != pending.Revision || again.ContentSha256 != pending.Document.ContentSha256 || again.Kind != signed.Kind)
            return SigningProblems.DossierMoved();
        if (Convert.ToHexStringLower(SHA256.HashData(signed.Content)) != signed.Sha256) return SigningProblems.DossierMoved();
        await SignedResults.AddAsync(tx, signed, ct);
        return null;
    }
}
