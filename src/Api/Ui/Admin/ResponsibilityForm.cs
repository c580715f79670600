using Procedures.Responsibilities;

namespace Api.Ui.Admin;

/// <summary>The admin's form putting a section or an official in charge of a sector or a procedure, checked before the use case sees it.</summary>
public sealed class ResponsibilityForm
{
    /// <summary>True: a section is put in charge; false: an official.</summary>
    public bool BySection { get; set; } = true;
    public Guid? SectionId { get; set; }
    public string? Official { get; set; }
    /// <summary>True: a whole sector; false: one procedure.</summary>
    public bool BySector { get; set; } = true;
    public Guid? SectorId { get; set; }
    public Guid? ProcedureId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public string? Note { get; set; }

    /// <summary>Every problem at once, by field, in the UI's language; empty when the form can be sent.</summary>
    public IReadOnlyDictionary<string, string> Check(DateOnly today)
    {
        var en = UiServices.IsEnglish;
        var errors = new Dictionary<string, string>();
        if (BySection && SectionId is null) errors["sectionId"] = en ? "Choose the section." : "Chọn phòng, ban được giao phụ trách.";
        if (!BySection && string.IsNullOrWhiteSpace(Official)) errors["official"] = en ? "Choose the official." : "Chọn cán bộ được giao phụ trách.";
        if (BySector && SectorId is null) errors["sectorId"] = en ? "Choose the sector." : "Chọn lĩnh vực.";
        if (!BySector && ProcedureId is null) errors["procedureId"] = en ? "Choose the procedure." : "Chọn thủ tục hành chính.";
        if (From is { } from && DateOnly.FromDateTime(from) < today)
            errors["from"] = en ? "The start date may not be in the past." : "Ngày bắt đầu không được trong quá khứ.";
        if (To is { } to && DateOnly.FromDateTime(to) < DateOnly.FromDateTime(From ?? today.ToDateTime(TimeOnly.MinValue)))
            errors["to"] = en ? "The end date is before the start date." : "Ngày kết thúc trước ngày bắt đầu.";
        if (Note?.Length > AssignResponsibilityHandler.NoteLength)
            errors["note"] = en ? $"The note is at most {AssignResponsibilityHandler.NoteLength} characters." : $"Ghi chú tối đa {AssignResponsibilityHandler.NoteLength} ký tự.";
        return errors;
    }

    public AssignResponsibility ToRequest(Guid unitId) => new(unitId, BySection ? SectionId : null, BySection ? null : Official?.Trim(),
        BySector ? SectorId : null, BySector ? null : ProcedureId, From is { } f ? DateOnly.FromDateTime(f) : null, To is { } t ? DateOnly.FromDateTime(t) : null,
        string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
}
