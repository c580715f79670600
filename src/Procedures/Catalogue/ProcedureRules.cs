using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>What makes a procedure draft acceptable; the first problem is returned with its field path.</summary>
public static class ProcedureRules
{
    /// <summary>Checks that need no database: names, time limit, channels, documents, fees.</summary>
    public static DomainError? Check(ProcedureDraft d)
    {
        if ((FieldRules.Required("code", d.Code, 50, "mã thủ tục") ?? FieldRules.Required("name", d.Name, 500, "tên thủ tục")
            ?? FieldRules.Required("level", d.Level, 50, "cấp thực hiện")) is { } missing) return missing;
        if (!Enum.IsDefined(d.TimeLimitKind))
            return Invalid("timeLimitKind", "bad-time-limit", "Loại thời hạn giải quyết không hợp lệ.", "Unknown time limit kind.");
        if (d.TimeLimitKind == LegalTimeLimitKind.SameDay ? d.TimeLimitAmount != 0 : d.TimeLimitAmount <= 0 || d.TimeLimitAmount > 2000)
            return Invalid("timeLimitAmount", "bad-time-limit", "Thời hạn giải quyết: trong ngày thì số lượng là 0; theo ngày hoặc giờ làm việc thì từ trên 0 đến 2000.",
                "Time limit: same-day has amount 0; working days or hours need an amount above 0 and at most 2000.");
        if (d.Channels is null || d.Channels.Count == 0 || d.Channels.Any(c => !Enum.IsDefined(c)))
            return Invalid("channels", "no-channel", "Chọn ít nhất một cách thức thực hiện.", "Choose at least one channel.");
        if (d.RetentionYears is < 1 or > 100)
            return Invalid("retentionYears", "bad-retention", "Thời hạn lưu trữ từ 1 đến 100 năm.", "Retention is 1 to 100 years.");
        if (d.Documents is null || d.Documents.Count == 0)
            return Invalid("documents", "no-documents", "Thủ tục phải có thành phần hồ sơ.", "A procedure lists at least one document.");
        for (var i = 0; i < d.Documents.Count; i++)
        {
            var doc = d.Documents[i];
            if (FieldRules.Required($"documents[{i}].name", doc.Name, 500, "tên giấy tờ") is { } noName) return noName;
            if (doc.Copies < 1)
                return Invalid($"documents[{i}].copies", "bad-copies", "Số bản phải từ 1 trở lên.", "Copies must be at least 1.");
            if (!Enum.IsDefined(doc.Form))
                return Invalid($"documents[{i}].form", "bad-form", "Hình thức giấy tờ không hợp lệ.", "Unknown document form.");
        }
        return CheckFees(d.Fees);
    }

    /// <summary>Checks against stored data: sector and level exist, code not used by another procedure.</summary>
    public static async Task<DomainError?> CheckStoredAsync(ProceduresDb db, ProcedureDraft d, Guid? procedureId, CancellationToken ct)
    {
        if (!await db.Sectors.AnyAsync(s => s.Id == d.SectorId, ct))
            return Invalid("sectorId", "unknown-sector", "Lĩnh vực không tồn tại.", "No such sector.");
        if (!await db.UnitTypes.AnyAsync(t => t.Code == d.Level, ct))
            return Invalid("level", "unknown-level", "Cấp thực hiện phải là một loại đơn vị.", "The level must be a unit type.");
        var code = d.Code.Trim();
        if (await db.Procedures.AnyAsync(p => p.Code == code && p.Id != procedureId, ct)) return CodeTaken();
        return null;
    }

    public static DomainError CodeTaken() => Invalid("code", "code-taken", "Mã thủ tục đã được dùng.", "The procedure code is already in use.");

    private static DomainError? CheckFees(IReadOnlyList<Fee>? fees)
    {
        if (fees is null || fees.Count == 0)
            return Invalid("fees", "no-fees", "Ghi rõ phí, lệ phí (hoặc miễn phí).", "State the fees (or that it is free).");
        if (fees.Any(f => f.Kind == FeeKind.Free) && fees.Count > 1)
            return Invalid("fees", "free-and-charged", "Thủ tục miễn phí không thể có thêm khoản phí khác.", "A free procedure cannot have other fees.");
        for (var i = 0; i < fees.Count; i++)
        {
            var f = fees[i];
            var field = $"fees[{i}]";
            if (FieldRules.Required($"{field}.name", f.Name, 300, "tên khoản phí") is { } noName) return noName;
            DomainError? Bad(string part, string vi, string en) => Invalid($"{field}.{part}", "bad-fee", vi, en);
            var problem = f.Kind switch
            {
                FeeKind.Free or FeeKind.PerDecision when f.Amount != 0 || f.NextPageAmount != 0 || f.MaxPerCopy is not null =>
                    Bad("amount", "Miễn phí hoặc theo quyết định thì không ghi số tiền.", "Free and per-decision fees carry no amount."),
                FeeKind.PerDecision when string.IsNullOrWhiteSpace(f.Note) =>
                    Bad("note", "Ghi rõ văn bản quy định mức phí.", "Name the decision that sets the fee."),
                FeeKind.Fixed or FeeKind.PerCopy when f.Amount <= 0 || f.NextPageAmount != 0 || f.MaxPerCopy is not null =>
                    Bad("amount", "Số tiền phải lớn hơn 0.", "The amount must be above 0."),
                FeeKind.PerPage when f.Amount <= 0 || f.FirstPages < 0 || f.NextPageAmount < 0 =>
                    Bad("amount", "Mức thu theo trang phải lớn hơn 0.", "Per-page rates must be positive."),
                FeeKind.PerPage when f.MaxPerCopy is { } cap && cap < f.Amount =>
                    Bad("maxPerCopy", "Mức thu tối đa mỗi bản nhỏ hơn giá một trang.", "The cap per copy is below the price of one page."),
                _ when !Enum.IsDefined(f.Kind) => Bad("kind", "Loại phí không hợp lệ.", "Unknown fee kind."),
                _ => null,
            };
            if (problem is not null) return problem;
        }
        return null;
    }

    private static DomainError Invalid(string field, string code, string vi, string en) => DomainError.Invalid(field, code, vi, en);
}
