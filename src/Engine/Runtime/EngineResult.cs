namespace Engine.Runtime;

public enum EngineErrorCode
{
    NotFound,
    /// <summary>Someone else changed the state first (stale revision, work item already completed).</summary>
    Conflict,
    /// <summary>The action is not one of the step's actions, or its guard does not hold.</summary>
    ActionNotAllowed,
    /// <summary>Missing or invalid data: a required comment, form field or input variable.</summary>
    InvalidData,
    /// <summary>The work item is assigned to or claimed by someone else.</summary>
    NotAssignee,
    /// <summary>The instance is suspended, completed or cancelled.</summary>
    NotRunning,
    /// <summary>The definition is retired, unpublished or does not validate.</summary>
    DefinitionUnavailable,
}

/// <summary>An expected failure, with the field it concerns when there is one.</summary>
public sealed record EngineError(EngineErrorCode Code, string Message, string? Field = null);

/// <summary>Outcome of an engine operation: a value or an <see cref="EngineError"/>; never an exception for expected failures.</summary>
public readonly record struct EngineResult<T>
{
    private EngineResult(T? value, EngineError? error) { Value = value; Error = error; }
    public T? Value { get; }
    public EngineError? Error { get; }
    public bool Succeeded => Error is null;

    public static EngineResult<T> Ok(T value) => new(value, null);
    public static EngineResult<T> Fail(EngineError error) => new(default, error);
    public static implicit operator EngineResult<T>(EngineError error) => Fail(error);
    public static implicit operator EngineResult<T>(T value) => Ok(value);
}
