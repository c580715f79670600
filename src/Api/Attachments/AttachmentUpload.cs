using System.Security.Cryptography;
using Api.Accounts;
using Api.Persistence;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procedures.Common;

namespace Api.Attachments;

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, Guid? DossierId)
{
    public static AttachmentView From(Attachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.DossierId);

    /// <summary>A dossier's files in upload order, as its page (API and web UI) lists them.</summary>
    public static async Task<List<AttachmentView>> OfDossierAsync(ApiDb db, Guid dossierId, CancellationToken ct) =>
        await db.Attachments.AsNoTracking().Where(a => a.DossierId == dossierId).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.DossierId)).ToListAsync(ct);
}

/// <summary>
/// Takes an uploaded file: size limit, the account's upload quota (<see cref="UploadQuota"/>), type by content (the extension must agree), sanitised name, virus scan,
/// SHA-256 computed while the bytes stream to the file store. A refused file leaves nothing behind. With an <c>Idempotency-Key</c>,
/// a retry of the same file (name, bytes, dossier) answers the first upload and its bytes are dropped.
/// </summary>
public sealed class AttachmentUpload(ApiDb db, IFileStore store, IVirusScanner scanner, UploadQuota quota, IOptions<FileSettings> settings, TimeProvider clock)
{
    public async Task<Results<Created<AttachmentView>, ProblemHttpResult>> AcceptAsync(HttpContext http, IFormFile? file, Guid? dossierId,
        Func<Attachment, Task>? onSaved = null)
    {
        if (IdempotencyKeyHeader.Read(http, out var idempotencyKey) is { } badKey) return badKey;
        var user = CurrentUser.Of(http);
        var max = settings.Value.MaxBytes;
        if (file is null || file.Length == 0)
            return Problem.Invalid(http, "file", "file-required", "Chưa chọn tệp để tải lên (trường 'file').", "No file was sent (field 'file').");
        if (file.Length > max)
            return Problem.Make(http, 413, "file-too-large", Language.Pick(http, $"Tệp vượt quá {max / 1024 / 1024} MB.", $"The file is larger than {max / 1024 / 1024} MB."), "file");
        if (user.AccountId is { } account && await quota.CheckAsync(http, db, account, file.Length) is { } overQuota) return overQuota;

        await using var input = file.OpenReadStream();
        var head = new byte[FileTypes.HeadLength];
        var headLength = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, http.RequestAborted);
        var kind = FileTypes.Detect(head.AsSpan(0, headLength));
        if (kind is null || !kind.Extensions.Contains(FileNames.Extension(file.FileName)))
            return Problem.Make(http, 415, "file-type-not-allowed", Language.Pick(http,
                $"Loại tệp không được chấp nhận hoặc nội dung không khớp phần mở rộng. Cho phép: {FileTypes.AllowedList}.",
                $"The file type is not allowed or its content does not match its extension. Allowed: {FileTypes.AllowedList}."), "file");

        var id = Guid.CreateVersion7(clock.GetUtcNow());
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var hashing = new HashingStream(new PrefixedStream(head.AsMemory(0, headLength), input), sha))
            await store.SaveAsync(id, hashing, http.RequestAborted);
        try
        {
            await using (var saved = (await store.OpenAsync(id, http.RequestAborted))!)
            {
                var scan = await scanner.ScanAsync(saved, http.RequestAborted);
                if (!scan.Clean)
                {
                    await store.DeleteAsync(id, CancellationToken.None);
                    return Problem.Make(http, 422, "file-infected", Language.Pick(http, "Tệp bị phát hiện chứa mã độc và đã bị từ chối.",
                        "The file was found to contain malware and was refused."), "file");
                }
            }
            var attachment = new Attachment
            {
                Id = id, DossierId = dossierId, FileName = FileNames.Sanitise(file.FileName, kind), ContentType = kind.ContentType, Size = file.Length,
                Sha256 = Convert.ToHexStringLower(sha.GetHashAndReset()), UploadedBy = user.AccountId ?? Guid.Empty, UploadedByKind = user.Kind,
                UploadedAt = clock.GetUtcNow(),
            };
            var key = IdempotencyKey.For($"account:{user.AccountId?.ToString() ?? user.Name}", idempotencyKey, "upload",
                new { dossierId, file = file.FileName, attachment.ContentType, attachment.Size, attachment.Sha256 });
            db.Attachments.Add(attachment);
            var created = await IdempotencyKeys.SaveOnceAsync(db, key, AttachmentView.From(attachment), attachment.UploadedAt, http.RequestAborted);
            if (created.Replayed || created.Error is not null)
            {
                // A retry of an upload saved already: these bytes are a copy nobody references.
                await store.DeleteAsync(id, CancellationToken.None);
                return created.Error is { } reused ? Problem.From(http, reused) : TypedResults.Created($"/api/v1/attachments/{created.Value!.Id}", created.Value);
            }
            if (onSaved is not null) await onSaved(attachment);
            return TypedResults.Created($"/api/v1/attachments/{id}", created.Value!);
        }
        catch
        {
            await store.DeleteAsync(id, CancellationToken.None);
            throw;
        }
    }
}

/// <summary>Reads a few already-read bytes, then the rest of the stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private int _position;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_position < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _position);
            prefix.Slice(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
        return await rest.ReadAsync(buffer, ct);
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Feeds what passes through to a hash.</summary>
internal sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        hash.AppendData(buffer, offset, n);
        return n;
    }
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        var n = await inner.ReadAsync(buffer, ct);
        hash.AppendData(buffer.Span[..n]);
        return n;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
