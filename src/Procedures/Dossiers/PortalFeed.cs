using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// A dossier's status as the national public-service portal synchronises it: the portal status code (1 for an online
/// submission not yet received, which has no dossier code yet) and dates in Vietnam time with their offset, no personal data.
/// </summary>
public sealed record DossierStatusView(Guid DossierId, string? Code, int StatusCode, DossierStatus Status, Guid ProcedureId,
    Guid ReceivingUnitId, Guid ProcessingUnitId, DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt,
    DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>In memory: the portal code is the enum's value while the column holds its name.</summary>
    public static DossierStatusView Of(Dossier d) => new(d.Id, d.Code, (int)d.Status, d.Status, d.ProcedureId, d.ReceivingUnitId, d.ProcessingUnitId,
        VietnamTime.Local(d.SubmittedAt), VietnamTime.Local(d.ReceivedAt), VietnamTime.Local(d.AppointmentAt), VietnamTime.Local(d.FinishedAt),
        VietnamTime.Local(d.ReturnedAt), VietnamTime.Local(d.UpdatedAt));
}

/// <param name="NextCursor">Pass back as <c>after</c> for the next page, or to poll for later changes (null only when nothing was listed since <c>since</c>).</param>
/// <param name="HasMore">Whether the page was full, so more changes may follow at once.</param>
public sealed record DossierStatusPage(IReadOnlyList<DossierStatusView> Items, string? NextCursor, bool HasMore);

/// <summary>Where a page ended: the last dossier's change time and id. Opaque to the client.</summary>
public readonly record struct FeedCursor(DateTimeOffset UpdatedAt, Guid DossierId)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{DossierId:N}"));

    public static bool TryParse(string? text, out FeedCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
                || !Guid.TryParseExact(parts[1], "N", out var id)) return false;
            cursor = new FeedCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException) { return false; }
    }
}

/// <summary>
/// The national portal's feed of changed dossiers, oldest change first. Paging is keyset on (updated_at, id): a page
/// starts strictly after the previous page's last row, so a thousand dossiers changed in one instant are each listed once,
/// whatever the page size, and a dossier changed again while a client pages moves to the end and is listed again there.
/// Online submissions not yet received (status 1) are listed too; they have no dossier code until the clerk receives them.
/// </summary>
public sealed class PortalFeed(ProceduresDb db)
{
    public const int MaxPage = 500;

    /// <param name="clientUnitId">The client's unit: only dossiers received or processed in its subtree; null for all.</param>
    /// <param name="since">First call: changes at or after this instant.</param>
    /// <param name="after">Later calls: the previous page's <see cref="DossierStatusPage.NextCursor"/>.</param>
    public async Task<DomainResult<DossierStatusPage>> ChangesAsync(Guid? clientUnitId, DateTimeOffset? since, string? after, int take = MaxPage,
        CancellationToken ct = default)
    {
        if (take is < 1 or > MaxPage)
            return DomainError.Invalid("take", "bad-take", $"Số hồ sơ mỗi trang phải từ 1 đến {MaxPage}.", $"take must be between 1 and {MaxPage}.");
        var q = Scope(clientUnitId);
        if (after is not null)
        {
            if (!FeedCursor.TryParse(after, out var cursor))
                return DomainError.Invalid("after", "bad-cursor", "Con trỏ trang không hợp lệ; hãy dùng nextCursor của trang trước.",
                    "The cursor is not valid; pass back the previous page's nextCursor.");
            q = q.Where(d => d.UpdatedAt > cursor.UpdatedAt || (d.UpdatedAt == cursor.UpdatedAt && d.Id > cursor.DossierId));
        }
        else if (since is { } from) q = q.Where(d => d.UpdatedAt >= from);
        else
            return DomainError.Invalid("since", "required", "Hãy cho biết mốc thời gian bắt đầu (since) hoặc con trỏ trang (after).",
                "Give the start instant (since) or the previous page's cursor (after).");

        var rows = await q.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).Take(take).ToListAsync(ct);
        var next = rows.Count > 0 ? new FeedCursor(rows[^1].UpdatedAt, rows[^1].Id).ToString() : after;
        return new DossierStatusPage(rows.Select(DossierStatusView.Of).ToList(), next, rows.Count == take);
    }

    /// <summary>One dossier by its code, within the client's subtree.</summary>
    public async Task<DossierStatusView?> ByCodeAsync(Guid? clientUnitId, string code, CancellationToken ct = default) =>
        await Scope(clientUnitId).SingleOrDefaultAsync(d => d.Code == code, ct) is { } dossier ? DossierStatusView.Of(dossier) : null;

    private IQueryable<Dossier> Scope(Guid? clientUnitId)
    {
        var q = db.Dossiers.AsNoTracking();
        if (clientUnitId is not { } unit) return q;
        var prefix = db.Units.Where(u => u.Id == unit).Select(u => u.Path);
        return q.Where(d => db.Units.Any(u => (u.Id == d.ReceivingUnitId || u.Id == d.ProcessingUnitId) && prefix.Any(p => u.Path.StartsWith(p))));
    }
}
