using Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Attachments;

/// <summary>
/// Every <see cref="FileSettings.PurgeInterval"/>, deletes the uploads still attached to no dossier after
/// <see cref="FileSettings.UnattachedLifetime"/>: the row first (only while still unattached, so a file bound meanwhile
/// stays), then the bytes. A file that cannot be deleted is logged and left; a failed round is logged and the next one runs.
/// Several API instances may purge at once: each row is deleted once. The same round forgets the <c>Idempotency-Key</c>s past
/// their lifetime (an expired key is ignored anyway; this keeps the table small).
/// </summary>
public sealed class UnattachedUploadsPurge(IServiceScopeFactory scopes, IFileStore store, IOptions<FileSettings> settings, TimeProvider clock,
    ILogger<UnattachedUploadsPurge> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Value.PurgeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Purging unattached uploads failed; next round in {Interval}", settings.Value.PurgeInterval);
            }
        }
    }

    /// <summary>One round; returns how many uploads were removed.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - settings.Value.UnattachedLifetime;
        var removed = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApiDb>();
            var stale = await db.Attachments.AsNoTracking().Where(a => a.DossierId == null && a.UploadedAt < cutoff)
                .OrderBy(a => a.UploadedAt).Select(a => a.Id).Take(Batch).ToListAsync(ct);
            foreach (var id in stale)
            {
                if (await db.Attachments.Where(a => a.Id == id && a.DossierId == null).ExecuteDeleteAsync(ct) == 0) continue;
                removed++;
                try
                {
                    await store.DeleteAsync(id, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    logger.LogWarning(e, "The bytes of purged upload {AttachmentId} could not be deleted", id);
                }
            }
            if (stale.Count < Batch) break;
        }
        if (removed > 0) logger.LogInformation("Purged {Count} upload(s) attached to no dossier for {Lifetime}", removed, settings.Value.UnattachedLifetime);
        await using (var scope = scopes.CreateAsyncScope())
            await Procedures.Common.IdempotencyKeys.PurgeAsync(scope.ServiceProvider.GetRequiredService<ApiDb>().Database, clock.GetUtcNow(), ct);
        return removed;
    }
}
