using System.Globalization;
using System.Threading.RateLimiting;
using Api.Persistence;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Attachments;

/// <summary>
/// Per account: at most <see cref="FileSettings.UploadsPerMinute"/> uploads a minute (429), and at most
/// <see cref="FileSettings.UnattachedFilesPerAccount"/> files or <see cref="FileSettings.UnattachedBytesPerAccount"/> bytes
/// uploaded but not yet attached to a dossier (422), so one account cannot fill the file store with files it never uses.
/// </summary>
public sealed class UploadQuota : IDisposable
{
    private readonly FileSettings _settings;
    private readonly PartitionedRateLimiter<Guid> _rate;

    public UploadQuota(IOptions<FileSettings> settings)
    {
        _settings = settings.Value;
        _rate = PartitionedRateLimiter.Create<Guid, Guid>(account => RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _settings.UploadsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));
    }

    public async Task<ProblemHttpResult?> CheckAsync(HttpContext http, ApiDb db, Guid account, long size)
    {
        using (var lease = _rate.AttemptAcquire(account))
            if (!lease.IsAcquired)
            {
                if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Problem.Make(http, 429, "upload-rate", Language.Pick(http,
                    $"Bạn đã tải lên quá {_settings.UploadsPerMinute} tệp trong một phút; vui lòng thử lại sau.",
                    $"You uploaded more than {_settings.UploadsPerMinute} files in a minute; try again later."), "file");
            }
        var waiting = await db.Attachments.AsNoTracking().Where(a => a.UploadedBy == account && a.DossierId == null)
            .GroupBy(_ => 1).Select(g => new { Files = g.Count(), Bytes = g.Sum(a => a.Size) }).SingleOrDefaultAsync(http.RequestAborted);
        if ((waiting?.Files ?? 0) + 1 <= _settings.UnattachedFilesPerAccount && (waiting?.Bytes ?? 0) + size <= _settings.UnattachedBytesPerAccount)
            return null;
        return Problem.Make(http, 422, "upload-quota", Language.Pick(http,
            $"Bạn đã có {_settings.UnattachedFilesPerAccount} tệp (hoặc {_settings.UnattachedBytesPerAccount / 1024 / 1024} MB) tải lên mà chưa đính kèm hồ sơ nào; hãy dùng hoặc chờ chúng được xoá sau {_settings.UnattachedLifetime.TotalHours:0} giờ.",
            $"You already have {_settings.UnattachedFilesPerAccount} files (or {_settings.UnattachedBytesPerAccount / 1024 / 1024} MB) uploaded but not attached to any dossier; use them or wait for them to be removed after {_settings.UnattachedLifetime.TotalHours:0} hours."), "file");
    }

    public void Dispose() => _rate.Dispose();
}
