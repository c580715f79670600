using System.Text.Json;
using Api.Accounts;
using Api.Persistence;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Api.Attachments;

/// <summary>
/// Attachments are uploaded first and bound to a dossier by the use case that references them: only the
/// uploader's own, unbound attachments may be referenced; binding records each file's name, size and SHA-256 in
/// the dossier's history.
/// </summary>
public sealed class AttachmentBinder(ApiDb db, ProceduresDb procedures, TimeProvider clock)
{
    public async Task<ProblemHttpResult?> CheckUnboundAsync(HttpContext http, CurrentUser user, IReadOnlyCollection<Guid> ids, Guid? orDossierId = null)
    {
        if (ids.Count == 0) return null;
        var owner = user.AccountId ?? Guid.Empty;
        var usable = await db.Attachments.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.UploadedBy == owner && (a.DossierId == null || a.DossierId == orDossierId))
            .Select(a => a.Id).ToListAsync(http.RequestAborted);
        var unknown = ids.Except(usable).ToList();
        return unknown.Count == 0 ? null : Problem.Make(http, 422, "unknown-attachment", Language.Pick(http,
            $"Không tìm thấy tệp đính kèm {unknown[0]} của bạn (hoặc tệp đã gắn vào hồ sơ khác).",
            $"No attachment {unknown[0]} of yours (or it belongs to another dossier already)."), "attachmentId");
    }

    /// <summary>The caller's own unbound attachments, or attachments already bound to this dossier (a citizen's supplement).</summary>
    public async Task<ProblemHttpResult?> CheckBoundOrOwnAsync(HttpContext http, CurrentUser user, IReadOnlyCollection<Guid> ids, Guid dossierId)
    {
        if (ids.Count == 0) return null;
        var owner = user.AccountId ?? Guid.Empty;
        var usable = await db.Attachments.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && (a.DossierId == dossierId || a.DossierId == null && a.UploadedBy == owner))
            .Select(a => a.Id).ToListAsync(http.RequestAborted);
        var unknown = ids.Except(usable).ToList();
        return unknown.Count == 0 ? null : Problem.Make(http, 422, "unknown-attachment", Language.Pick(http,
            $"Không tìm thấy tệp đính kèm {unknown[0]}.", $"No attachment {unknown[0]}."), "attachmentId");
    }

    public async Task AttachToDossierAsync(Guid dossierId, IReadOnlyCollection<Guid> ids, CurrentUser user, CancellationToken ct, bool onlyUnbound = false)
    {
        if (ids.Count == 0) return;
        var rows = await db.Attachments.Where(a => ids.Contains(a.Id) && (!onlyUnbound || a.DossierId == null)).ToListAsync(ct);
        if (rows.Count == 0) return;
        foreach (var row in rows) row.DossierId = dossierId;
        await db.SaveChangesAsync(ct);
        await RecordAsync(dossierId, rows, user, ct);
    }

    /// <summary>A history row naming the files with their hashes, so the record proves what was handed in.</summary>
    public async Task RecordAsync(Guid dossierId, IReadOnlyCollection<Attachment> rows, CurrentUser user, CancellationToken ct)
    {
        procedures.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossierId, At = clock.GetUtcNow(), Kind = "AttachmentsAdded",
            Actor = user.IsCitizen ? $"citizen:{user.AccountId}" : user.Name,
            ActorName = user.IsCitizen ? "Công dân (trực tuyến)" : user.Name,
            Data = JsonSerializer.Serialize(new
            {
                attachments = rows.Select(a => new { id = a.Id, fileName = a.FileName, size = a.Size, sha256 = a.Sha256 }),
            }, JsonSerializerOptions.Web),
        });
        await procedures.SaveChangesAsync(ct);
    }
}
