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
        return DocumentRules.Check(d.Documents).FirstOrDefault() ?? CheckFees(d.Fees);
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

    private static DomainError? CheckFees(IReadOnlyList<Fee>? fees) => FeeRules.Check(fees).FirstOrDefault();

    private static DomainError Invalid(string field, string code, string vi, string en) => DomainError.Invalid(field, code, vi, en);
}
