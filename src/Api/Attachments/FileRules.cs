using System.Globalization;
using System.Text;

namespace Api.Attachments;

/// <summary>
/// Limits of uploads (<c>Files:*</c>): the size of a file, and per account how many uploads a minute and how many files
/// (and bytes) may wait unattached to any dossier; unattached files older than <see cref="UnattachedLifetime"/> are purged.
/// </summary>
public sealed record FileSettings
{
    public const string Section = "Files";
    public string? Folder { get; init; }
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;
    public int UploadsPerMinute { get; init; } = 20;
    public int UnattachedFilesPerAccount { get; init; } = 30;
    public long UnattachedBytesPerAccount { get; init; } = 100 * 1024 * 1024;
    public TimeSpan UnattachedLifetime { get; init; } = TimeSpan.FromDays(1);
    public TimeSpan PurgeInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The folder of attachment bytes: <see cref="Folder"/> (relative to the content root), else <c>.data/files</c> under it.</summary>
    public string FolderUnder(string contentRoot) =>
        Folder is { Length: > 0 } folder ? Path.GetFullPath(folder, contentRoot) : Path.Combine(contentRoot, ".data", "files");
}

/// <summary>An allowed type: what its first bytes are and which extensions may carry it.</summary>
public sealed record FileKind(string ContentType, string[] Extensions, byte[][] Signatures)
{
    public bool Matches(ReadOnlySpan<byte> head)
    {
        foreach (var signature in Signatures)
            if (head.Length >= signature.Length && head[..signature.Length].SequenceEqual(signature)) return true;
        return false;
    }
}

/// <summary>
/// The type of an upload is decided by its bytes (magic numbers), never by the name or the client's content type;
/// the name's extension must agree with the bytes, so a script renamed <c>.pdf</c> is refused.
/// </summary>
public static class FileTypes
{
    public static readonly IReadOnlyList<FileKind> Allowed =
    [
        new("application/pdf", [".pdf"], ["%PDF-"u8.ToArray()]),
        new("image/png", [".png"], [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        new("image/jpeg", [".jpg", ".jpeg"], [[0xFF, 0xD8, 0xFF]]),
        new("image/tiff", [".tif", ".tiff"], [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A]]),
    ];

    public const int HeadLength = 8;

    public static FileKind? Detect(ReadOnlySpan<byte> head)
    {
        foreach (var kind in Allowed)
            if (kind.Matches(head)) return kind;
        return null;
    }

    public static string AllowedList => string.Join(", ", Allowed.SelectMany(k => k.Extensions));
}

/// <summary>Original names are kept for display and download only, cleaned of paths, control and reserved characters.</summary>
public static class FileNames
{
    private const int MaxLength = 150;
    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*', ';', '%'];

    public static string Sanitise(string? name, FileKind kind)
    {
        var raw = (name ?? "").Replace('\\', '/');
        raw = raw[(raw.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var clean = new StringBuilder();
        foreach (var c in raw)
            if (!char.IsControl(c) && !Reserved.Contains(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) clean.Append(c);
        var result = clean.ToString().Trim().Trim('.').Trim();
        var extension = Path.GetExtension(result).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(result).Trim().Trim('.');
        if (stem.Length == 0) stem = "tep-dinh-kem";
        if (!kind.Extensions.Contains(extension)) extension = kind.Extensions[0];
        if (stem.Length > MaxLength) stem = stem[..MaxLength];
        return stem + extension;
    }

    public static string Extension(string? name) => Path.GetExtension((name ?? "").Replace('\\', '/').Split('/')[^1]).ToLowerInvariant();
}
