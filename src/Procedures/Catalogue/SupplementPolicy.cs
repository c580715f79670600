using Procedures.Common;

namespace Procedures.Catalogue;

/// <summary>What happens to a dossier whose citizen did not hand in the supplement by the deadline.</summary>
public enum SupplementExpiry
{
    /// <summary>Refused with a written reason (Form 03): not accepted at reception, processing stopped during processing.</summary>
    Refuse,
    /// <summary>Closed as not completed: the file is returned to the citizen without a refusal decision.</summary>
    CloseNotCompleted,
}

/// <summary>
/// The supplement rules a dossier is handled under: how many requests (one notice listing everything, by default
/// once), until when an official may ask (working days after the reception the clock counts from), how long the
/// citizen has (working days), what happens when that passes, and the legal basis the rule rests on. The province's
/// defaults apply unless the procedure overrides them.
/// </summary>
public sealed record SupplementPolicy(int MaxRequests, int WindowDays, int CitizenDays, SupplementExpiry OnExpiry, string LegalBasis)
{
    public const int MaxAllowedRequests = 5;
    public const int MaxDays = 90;

    /// <summary>Today's values before any administrator changes them (DOMAIN.md ⚠: checked against the decree, not verified).</summary>
    public static readonly SupplementPolicy BuiltIn = new(1, 3, 10, SupplementExpiry.Refuse,
        "Nghị định 61/2018/NĐ-CP, sửa đổi bởi Nghị định 107/2021/NĐ-CP (Điều 15, 16): yêu cầu bổ sung, hoàn thiện hồ sơ một lần, " +
        "bằng một phiếu nêu đầy đủ các nội dung; trong thời hạn 3 ngày làm việc kể từ ngày tiếp nhận (cần kiểm tra theo Nghị định 118/2025/NĐ-CP).");

    /// <summary>The procedure's own values where it has them.</summary>
    public SupplementPolicy With(SupplementRuleOverride? own) => own is null ? this : new(
        own.MaxRequests ?? MaxRequests, own.WindowDays ?? WindowDays, own.CitizenDays ?? CitizenDays, own.OnExpiry ?? OnExpiry,
        string.IsNullOrWhiteSpace(own.LegalBasis) ? LegalBasis : own.LegalBasis.Trim());

    /// <summary>The field that is out of range, named as the request names it.</summary>
    public static DomainError? Check(int? maxRequests, int? windowDays, int? citizenDays, string? legalBasis, bool legalBasisRequired)
    {
        if (maxRequests is { } m && (m < 1 || m > MaxAllowedRequests))
            return DomainError.Invalid("maxRequests", "out-of-range", $"Số lần yêu cầu bổ sung từ 1 đến {MaxAllowedRequests}.",
                $"The number of supplement requests must be between 1 and {MaxAllowedRequests}.");
        if (windowDays is { } w && (w < 0 || w > MaxDays))
            return DomainError.Invalid("windowDays", "out-of-range", $"Thời hạn yêu cầu bổ sung từ 0 đến {MaxDays} ngày làm việc.",
                $"The supplement window must be between 0 and {MaxDays} working days.");
        if (citizenDays is { } c && (c < 1 || c > MaxDays))
            return DomainError.Invalid("citizenDays", "out-of-range", $"Thời hạn công dân bổ sung từ 1 đến {MaxDays} ngày làm việc.",
                $"The citizen's time to supplement must be between 1 and {MaxDays} working days.");
        if (legalBasisRequired && string.IsNullOrWhiteSpace(legalBasis))
            return DomainError.Invalid("legalBasis", "required", "Cần nêu căn cứ pháp lý của quy định bổ sung hồ sơ.", "The legal basis of the supplement rules is required.");
        if (legalBasis is { Length: > 1000 })
            return DomainError.Invalid("legalBasis", "too-long", "Căn cứ pháp lý tối đa 1000 ký tự.", "The legal basis is at most 1000 characters.");
        return null;
    }
}

/// <summary>A procedure's own supplement rules; a null value takes the province's default.</summary>
public sealed record SupplementRuleOverride(int? MaxRequests = null, int? WindowDays = null, int? CitizenDays = null,
    SupplementExpiry? OnExpiry = null, string? LegalBasis = null)
{
    public bool IsEmpty => MaxRequests is null && WindowDays is null && CitizenDays is null && OnExpiry is null && string.IsNullOrWhiteSpace(LegalBasis);
}

/// <summary>The province's defaults as stored, with who changed them last.</summary>
public sealed record SupplementDefaultsView(SupplementPolicy Policy, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>A procedure's supplement rules: its own values, and what applies once the province's defaults fill the gaps.</summary>
public sealed record ProcedureSupplementRulesView(Guid ProcedureId, SupplementRuleOverride Own, SupplementPolicy Effective,
    DateTimeOffset? UpdatedAt, string? UpdatedBy);
