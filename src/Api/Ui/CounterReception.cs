using System.Security.Claims;
using Api.Accounts;
using Api.Attachments;
using Procedures.Dossiers;

namespace Api.Ui;

/// <summary>
/// The reception desk's submit: the same use case and attachment binding as <c>POST /api/v1/dossiers</c>. The page sends one
/// idempotency key per form, so a double click or a reconnect's replay answers the first receipt.
/// </summary>
public static class CounterReception
{
    public static async Task<(ReceptionReceipt? Receipt, string? Error)> ReceiveAsync(IServiceProvider sp, ClaimsPrincipal principal, ReceiveAtCounter request,
        CancellationToken ct = default)
    {
        var result = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(request, ct);
        if (result.Error is { } error) return (null, Text.Error(error));
        var receipt = result.Value!;
        var ids = request.Documents.Select(d => d.AttachmentId).OfType<Guid>().ToList();
        if (ids.Count > 0 && !result.Replayed)
            await sp.GetRequiredService<AttachmentBinder>().AttachToDossierAsync(receipt.DossierId, ids, CurrentUser.From(principal)!, ct);
        return (receipt, null);
    }
}
