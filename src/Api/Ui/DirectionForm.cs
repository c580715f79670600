using Procedures.Dossiers;

namespace Api.Ui;

/// <summary>The leader's direction form (chỉ đạo thực hiện): one section or one specialist, instructions, an optional due day.</summary>
public sealed class DirectionForm
{
    public Guid? SectionId { get; set; }
    public string? Specialist { get; set; }
    public string? Instructions { get; set; }
    public DateTime? DueDate { get; set; }

    /// <summary>Every problem at once, by field, in the UI's language; empty when the form can be sent.</summary>
    public IReadOnlyDictionary<string, string> Check(DateOnly today, DateOnly? appointment = null)
    {
        var en = UiServices.IsEnglish;
        var errors = new Dictionary<string, string>();
        if (SectionId is null == string.IsNullOrWhiteSpace(Specialist))
            errors["target"] = en ? "Choose one section or one specialist (only one)." : "Chọn một phòng, ban hoặc một chuyên viên (chỉ một).";
        if (string.IsNullOrWhiteSpace(Instructions))
            errors["instructions"] = en ? "Enter the instructions." : "Vui lòng nhập ý kiến chỉ đạo.";
        else if (Instructions.Length > DirectDossierHandler.InstructionsLength)
            errors["instructions"] = en ? $"The instructions are at most {DirectDossierHandler.InstructionsLength} characters."
                : $"Ý kiến chỉ đạo tối đa {DirectDossierHandler.InstructionsLength} ký tự.";
        if (DueDate is { } due && DateOnly.FromDateTime(due) < today)
            errors["dueDate"] = en ? "The due day may not be in the past." : "Hạn xử lý không được trước hôm nay.";
        else if (DueDate is { } late && appointment is { } a && DateOnly.FromDateTime(late) > a)
            errors["dueDate"] = en ? "The due day may not be after the dossier's appointment." : "Hạn xử lý không được sau ngày hẹn trả kết quả.";
        return errors;
    }

    /// <summary>The due time: the end of the office day (17:00 in Vietnam) of the day chosen.</summary>
    public DateTimeOffset? DueAt => DueDate is { } d ? new DateTimeOffset(d.Year, d.Month, d.Day, 17, 0, 0, Procedures.Common.VietnamTime.Offset) : null;
}
