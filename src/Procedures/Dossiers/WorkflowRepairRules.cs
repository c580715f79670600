using Engine.Runtime;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// What every repair of a dossier's workflow shares, here and in the API's engine-only repairs (incidents, timers): a
/// reason is required, because it is the only account of why the process left its definition; and the engine's refusals
/// read to an operator in Vietnamese, with the field they concern.
/// </summary>
public static class WorkflowRepairRules
{
    public const int ReasonMaxLength = 2000;

    /// <summary>The dossier history's kinds for repairs and for a move to another version of the definition (Form 05).</summary>
    public const string Suspended = "WorkflowSuspended", Resumed = "WorkflowResumed", Repaired = "WorkflowRepaired", Migrated = "WorkflowMigrated";

    public static DomainError NoSuchWorkflow { get; } = DomainError.NotFound("dossier workflow", "quy trình của hồ sơ") with { Field = "id" };

    public static DomainError NoSuchWorkItem { get; } = DomainError.NotFound("work item", "công việc") with { Field = "id" };

    /// <summary>
    /// A repair never ends a dossier's workflow: ending it is a result, a refusal or a withdrawal, each with its own rules
    /// (status, dates, the citizen told), which only the dossier's use cases apply.
    /// </summary>
    public static DomainError EndsWorkflow { get; } = DomainError.Invalid("toStepId", "ends-workflow",
        "Chuyển đến bước này sẽ kết thúc quy trình mà không qua các quy định của hồ sơ (trả kết quả, từ chối, rút hồ sơ); hãy dùng chức năng tương ứng của hồ sơ.",
        "Moving there would end the workflow without the dossier's rules (result, refusal, withdrawal); use the dossier's own actions.");

    /// <summary>Invalid naming <c>reason</c> when it is missing or too long; null when it will do.</summary>
    public static DomainError? Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? DomainError.Invalid("reason", "reason-required", "Thiếu lý do: lý do điều chỉnh quy trình được ghi vào lịch sử hồ sơ và nhật ký.",
                "The reason is required: it is recorded in the dossier's history and the audit log.")
            : reason.Trim().Length > ReasonMaxLength
                ? DomainError.Invalid("reason", "too-long", $"Lý do dài tối đa {ReasonMaxLength} ký tự.", $"The reason must be at most {ReasonMaxLength} characters.")
                : null;

    /// <summary>
    /// The engine's refusal of a repair as an operator reads it. <paramref name="notRunningVi"/> says why this repair does not
    /// fit the instance's state (e.g. "already suspended"); the English text is the engine's own, which names the step or path.
    /// </summary>
    public static DomainError Refused(EngineError error, string whatVi, string notRunningVi) => error.Code switch
    {
        EngineErrorCode.NotFound => new(ErrorKind.NotFound, "not-found", $"Không tìm thấy {whatVi}.", error.Message, error.Field ?? "id"),
        EngineErrorCode.InvalidData when error.Field == "reason" => Reason(null)!,
        EngineErrorCode.InvalidData when error.Field == "toStepId" => DomainError.Invalid("toStepId", "invalid-target",
            "Không thể chuyển đến bước này: bước không có trong quy trình, hoặc nằm ngoài nhánh song song của luồng được chuyển.", error.Message),
        EngineErrorCode.InvalidData when error.Field == "fromStepId" => DomainError.Invalid("fromStepId", "path-required",
            "Hãy chọn luồng cần chuyển: không có luồng nào chờ ở bước đã chọn, hoặc quy trình đang chờ ở nhiều bước.", error.Message),
        EngineErrorCode.InvalidData => DomainError.Invalid(error.Field ?? "request", "invalid", $"Thông tin không hợp lệ: {error.Field}.", error.Message),
        EngineErrorCode.NotRunning => DomainError.Conflict("not-running", notRunningVi, error.Message),
        EngineErrorCode.Conflict => DomainError.Conflict("conflict",
            $"Không thể thực hiện với {whatVi} ở trạng thái hiện tại (đã được xử lý, đã hủy hoặc vừa thay đổi); vui lòng tải lại.", error.Message),
        _ => DomainError.Conflict("workflow-unavailable", "Quy trình của thủ tục không sẵn sàng.", error.Message),
    };
}
