using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Engine.Outbox;

/// <summary>
/// Runs <see cref="OutboxPurge"/> at start and then every <see cref="OutboxOptions.PurgeInterval"/>. Apart from the
/// dispatcher, so a purge that fails or takes long never holds up publishing; each kind of row is purged on its own, so
/// one failing does not keep the others.
/// </summary>
public sealed class OutboxHousekeeper(OutboxPurge purge, IOptions<OutboxOptions> options, ILogger<OutboxHousekeeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunAsync("sent outbox rows", purge.PurgeSentAsync, stoppingToken);
            await RunAsync("discarded outbox rows", purge.PurgeDiscardedAsync, stoppingToken);
            await RunAsync("processed-message records", purge.PurgeProcessedAsync, stoppingToken);
            try { await Task.Delay(options.Value.PurgeInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task RunAsync(string what, Func<CancellationToken, Task<int>> purge, CancellationToken ct)
    {
        try
        {
            var deleted = await purge(ct);
            if (deleted > 0) logger.LogInformation("Purged {Count} {What}", deleted, what);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Purging {What} failed; the next run tries again", what);
        }
    }
}
