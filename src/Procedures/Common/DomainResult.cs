using Engine.Runtime;

namespace Procedures.Common;

public enum ErrorKind
{
    /// <summary>The thing does not exist, or the caller may not know that it does (answer 404, not 403).</summary>
    NotFound,
    /// <summary>The caller may see it but lacks the role or unit to do this.</summary>
    Forbidden,
    /// <summary>Bad input: the field is named.</summary>
    Invalid,
    /// <summary>The state changed or does not allow this now.</summary>
    Conflict,
    /// <summary>The caller's expected revision is not the dossier's any more: it changed since they loaded it (answer 412).</summary>
    Stale,
}

/// <summary>An expected failure with a stable code, the field concerned, and a message in Vietnamese and English.</summary>
public sealed record DomainError(ErrorKind Kind, string Code, string MessageVi, string MessageEn, string? Field = null)
{
    /// <summary>For <see cref="ErrorKind.Stale"/>: the dossier's revision now, to send back as its ETag.</summary>
    public int? CurrentRevision { get; init; }

    /// <summary>Every problem found in the input when there are several (this error is the first), so a form shows them all at once.</summary>
    public IReadOnlyList<DomainError>? Problems { get; init; }

    /// <summary>The first of <paramref name="problems"/> carrying them all; null when there is none.</summary>
    public static DomainError? Every(IReadOnlyList<DomainError> problems) =>
        problems.Count == 0 ? null : problems[0] with { Problems = problems.Count > 1 ? problems : null };

    /// <summary>The command named an expected revision (<c>If-Match</c>) that is not the locked dossier's <paramref name="current"/> one.</summary>
    public static DomainError StaleRevision(int current) => new(ErrorKind.Stale, "stale-revision",
        "Hồ sơ đã được người khác cập nhật sau khi bạn tải; vui lòng tải lại rồi thực hiện lại.",
        "The dossier changed since you loaded it; reload it and try again.", "If-Match") { CurrentRevision = current };

    public static DomainError NotFound(string what, string whatVi) =>
        new(ErrorKind.NotFound, "not-found", $"Không tìm thấy {whatVi}.", $"No such {what}.");

    public static DomainError Invalid(string field, string code, string messageVi, string messageEn) =>
        new(ErrorKind.Invalid, code, messageVi, messageEn, field);

    public static DomainError Forbidden(string messageVi, string messageEn) =>
        new(ErrorKind.Forbidden, "forbidden", messageVi, messageEn);

    public static DomainError Conflict(string code, string messageVi, string messageEn) =>
        new(ErrorKind.Conflict, code, messageVi, messageEn);

    /// <summary>Maps an engine refusal to a domain error, keeping the field it named.</summary>
    public static DomainError FromEngine(EngineError error) => error.Code switch
    {
        EngineErrorCode.NotFound => new(ErrorKind.NotFound, "not-found", "Không tìm thấy công việc.", error.Message, error.Field),
        EngineErrorCode.Conflict => new(ErrorKind.Conflict, "conflict", "Hồ sơ đã được người khác xử lý hoặc thay đổi; vui lòng tải lại.", error.Message, error.Field),
        EngineErrorCode.NotAssignee => new(ErrorKind.Forbidden, "not-assignee", "Công việc này được giao cho người khác.", error.Message, error.Field),
        EngineErrorCode.NotRunning => new(ErrorKind.Conflict, "not-running", "Hồ sơ đang tạm dừng hoặc đã kết thúc.", error.Message, error.Field),
        EngineErrorCode.ActionNotAllowed => new(ErrorKind.Invalid, "action-not-allowed", "Thao tác không được phép ở bước hiện tại.", error.Message, error.Field ?? "action"),
        EngineErrorCode.InvalidData => new(ErrorKind.Invalid, "invalid", $"Thiếu hoặc sai thông tin: {error.Field}.", error.Message, error.Field),
        _ => new(ErrorKind.Conflict, "workflow-unavailable", "Quy trình của thủ tục không sẵn sàng.", error.Message, error.Field),
    };
}

/// <summary>A value or a <see cref="DomainError"/>: expected failures are results, not exceptions.</summary>
public readonly record struct DomainResult<T>
{
    private DomainResult(T? value, DomainError? error, bool replayed = false) { Value = value; Error = error; Replayed = replayed; }
    public T? Value { get; }
    public DomainError? Error { get; }
    public bool Succeeded => Error is null;
    /// <summary>The value is the first result of an earlier request with the same <see cref="IdempotencyKey"/>: nothing was done now.</summary>
    public bool Replayed { get; }

    public static DomainResult<T> Ok(T value) => new(value, null);
    public static DomainResult<T> Replay(T value) => new(value, null, replayed: true);
    public static DomainResult<T> Fail(DomainError error) => new(default, error);
    public static implicit operator DomainResult<T>(DomainError error) => Fail(error);
    public static implicit operator DomainResult<T>(T value) => Ok(value);
}
