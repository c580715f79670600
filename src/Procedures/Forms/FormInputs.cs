namespace Procedures.Forms;

// Plain inputs for the printed forms: callers map their entities onto these, so the forms
// do not change when the dossier or organisation models do.

/// <summary>The agency printed top-left of a form (tên cơ quan chủ quản / tên cơ quan).</summary>
/// <param name="Name">Issuing agency or unit, e.g. "UBND xã Đạ Tông".</param>
/// <param name="ParentName">Governing agency printed above the name, e.g. "UBND tỉnh Lâm Đồng".</param>
/// <param name="Code">Unit code from the national list, e.g. "000.00.07.H29".</param>
/// <param name="Place">Place name (địa danh) for the date line, e.g. "Lâm Đồng"; omitted when null.</param>
public sealed record FormAgency(
    string Name, string? ParentName, string Code, string? Address, string? Phone, string? Place = null);

/// <summary>The citizen or organisation the dossier belongs to.</summary>
public sealed record FormApplicant(string FullName, string? IdNumber, string? Phone, string? Email, string? Address);

/// <summary>One component of a dossier (thành phần hồ sơ).</summary>
/// <param name="Form">How it was given: "Bản chính", "Bản sao", "Bản sao có chứng thực", "Bản chụp".</param>
public sealed record FormDocumentLine(string Name, int Copies, string Form, bool Provided);

/// <summary>A scan the receiving official confirmed as the digitised original (bản số hóa từ bản gốc), as the receipt lists it.</summary>
/// <param name="Sha256">The scan's SHA-256, lowercase hex; the receipt prints its short form.</param>
/// <param name="DigitisedBy">The official who received and recorded the scan.</param>
public sealed record FormDigitisedLine(string Name, string Sha256, string DigitisedBy)
{
    /// <summary>The first and last 8 hex digits: enough to match the file by eye, short enough for a table cell.</summary>
    public string ShortSha256 => Sha256.Length > 16 ? $"{Sha256[..8]}…{Sha256[^8..]}" : Sha256;
}

/// <summary>One hand-off of the dossier between people, as recorded for Form 05.</summary>
/// <param name="Step">The workflow step the receiver takes on, e.g. "Thẩm định hồ sơ".</param>
/// <param name="Receiver">Null for the last hand-off when nobody takes it on (returned to the citizen).</param>
/// <param name="Timeliness">"Trước hạn", "Đúng hạn" or "Quá hạn"; null while the step is still open.</param>
public sealed record FormHandOff(
    DateTimeOffset At, string Step, string Giver, string? Receiver, DateTimeOffset? DueAt, string? Timeliness, string? Comment);
