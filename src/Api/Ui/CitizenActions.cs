using System.Security.Claims;
using Api.Accounts;
using Api.Attachments;
using Procedures.Citizens;
using Procedures.Dossiers;

namespace Api.Ui;

/// <summary>The portal's submits, through the same use cases and attachment binding as <c>/api/v1/citizen</c>.</summary>
public static class CitizenActions
{
    public static async Task<(Guid? DossierId, string? Error)> SubmitAsync(IServiceProvider sp, ClaimsPrincipal principal, Guid unitId, Guid procedureId,
        ApplicantData applicant, IReadOnlyList<HandedDocument> documents, string? idempotencyKey = null, CancellationToken ct = default)
    {
        var user = CurrentUser.From(principal)!;
        var result = await sp.GetRequiredService<SubmitOnlineHandler>().HandleAsync(new SubmitOnline(user.CitizenId, unitId, procedureId, applicant, documents,
            IdempotencyKey: idempotencyKey), ct);
        if (result.Error is { } error) return (null, Text.Error(error));
        var ids = documents.Select(d => d.AttachmentId).OfType<Guid>().ToList();
        if (ids.Count > 0 && !result.Replayed) await sp.GetRequiredService<AttachmentBinder>().AttachToDossierAsync(result.Value!.DossierId, ids, user, ct);
        return (result.Value!.DossierId, null);
    }

    /// <summary>The citizen's supplement to the dossier as their page showed it (<paramref name="shownRevision"/>): changed since, it is not sent.</summary>
    public static async Task<string?> SupplementAsync(IServiceProvider sp, ClaimsPrincipal principal, Guid dossierId, int shownRevision,
        IReadOnlyList<SubmittedDocument> documents, string? note, CancellationToken ct = default)
    {
        var user = CurrentUser.From(principal)!;
        var result = await sp.GetRequiredService<SubmitSupplementHandler>().HandleAsync(new SubmitSupplement(dossierId, user.CitizenId, documents, note, shownRevision), ct);
        if (result.Error is { } error) return Text.Error(error);
        await sp.GetRequiredService<AttachmentBinder>().AttachToDossierAsync(dossierId, documents.Select(d => d.AttachmentId).ToList(), user, ct);
        return null;
    }

    public static async Task<string?> RateAsync(IServiceProvider sp, ClaimsPrincipal principal, Guid dossierId, IReadOnlyList<int> scores, string? comment,
        CancellationToken ct = default) =>
        Text.Error((await sp.GetRequiredService<RateDossierHandler>().HandleAsync(new RateDossier(dossierId, CurrentUser.From(principal)!.CitizenId, scores, comment), ct)).Error);
}
