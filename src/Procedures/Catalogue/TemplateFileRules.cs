using System.IO.Compression;
using Procedures.Common;

namespace Procedures.Catalogue;

/// <summary>A kind of blank form the catalogue accepts, known by its bytes and carried under one extension.</summary>
public sealed record TemplateKind(string ContentType, string Extension);

/// <summary>
/// What a blank form (mẫu đơn, tờ khai) may be: a PDF, a Word (.docx) or Excel (.xlsx) file of at most <see cref="MaxBytes"/>.
/// The type is decided by the content — PDF by its header, DOCX and XLSX by the parts inside the ZIP package — and the name's
/// extension must agree, so a renamed executable or an old binary .doc is refused.
/// </summary>
public static class TemplateFileRules
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public static readonly TemplateKind Pdf = new("application/pdf", ".pdf");
    public static readonly TemplateKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly TemplateKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    public static DomainResult<TemplateKind> Check(string? fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
            return DomainError.Invalid("file", "file-required", "Chưa chọn tệp mẫu.", "No template file was sent.");
        if (content.Length > MaxBytes)
            return DomainError.Invalid("file", "file-too-large", $"Tệp mẫu vượt quá {MaxBytes / 1024 / 1024} MB.", $"The template is larger than {MaxBytes / 1024 / 1024} MB.");
        var kind = Detect(content);
        if (kind is null || !string.Equals(Path.GetExtension(fileName ?? ""), kind.Extension, StringComparison.OrdinalIgnoreCase))
            return DomainError.Invalid("file", "file-type-not-allowed",
                "Tệp mẫu phải là PDF, Word (.docx) hoặc Excel (.xlsx), và nội dung phải khớp phần mở rộng.",
                "The template must be a PDF, Word (.docx) or Excel (.xlsx) file whose content matches its extension.");
        return kind;
    }

    private static TemplateKind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return Pdf;
        if (!content.StartsWith("PK\u0003\u0004"u8)) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            bool Has(string part) => zip.GetEntry(part) is not null;
            if (!Has("[Content_Types].xml")) return null;
            return Has("word/document.xml") ? Docx : Has("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null; // starts like a ZIP but is not one
        }
    }

    /// <summary>The name kept for download: no folders, no characters a file system or a header refuses, the kind's extension.</summary>
    public static string CleanName(string? fileName, TemplateKind kind)
    {
        var name = Path.GetFileNameWithoutExtension((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        var clean = new string([.. name.Where(c => !char.IsControl(c) && !"<>:\"/\\|?*;%".Contains(c))]).Trim().Trim('.');
        if (clean.Length == 0) clean = "mau";
        return (clean.Length > 150 ? clean[..150] : clean) + kind.Extension;
    }
}
