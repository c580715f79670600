using Procedures.Common;
using Procedures.Signatures;

namespace Procedures.Dossiers;

/// <summary>A document signed before the use case that issues it moves the dossier: what was read under the lock, and the signature.</summary>
internal sealed record SignedIssue(PendingSignature Pending, SignedResult Signed)
{
    /// <summary>
    /// Opens the dossier, lets <paramref name="read"/> check the use case's rules and read the document it issues (nothing is kept:
    /// the lock goes when the work is disposed), then signs it with no transaction open. A rule broken, a refusal, a timeout or a
    /// certificate problem returns before anything moved. The use case then opens the dossier again at <c>Pending.Revision</c>
    /// (<see cref="Moved"/> for a stale one) and stores the signature with <see cref="DocumentSigning.StoreAsync"/>.
    /// </summary>
    public static async Task<DomainResult<SignedIssue>> SignAsync(DossierUseCase useCase, FormSigning forms, Guid dossierId, string actor,
        int? expectedRevision, Func<DossierWork, DateTimeOffset, Task<DomainResult<DocumentToSign>>> read, CancellationToken ct)
    {
        PendingSignature pending;
        var opened = await useCase.OpenAsync(dossierId, actor, expectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using (var work = opened.Value!)
        {
            var at = forms.Now;
            var document = await read(work, at);
            if (document.Error is { } refused) return refused;
            pending = forms.Pending(work, document.Value!, at);
        }
        var signed = await forms.Signing.SignAsync(pending, null, ct);
        return signed.Error is { } failed ? failed : new SignedIssue(pending, signed.Value!);
    }

    /// <summary>The dossier moved between the signature and the move: the signature is discarded.</summary>
    public static DomainResult<DossierState> Moved(DomainResult<DossierState> answer) =>
        answer.Error is { Kind: ErrorKind.Stale } ? SigningProblems.DossierMoved() : answer;
}
