namespace Engine.Runtime;

/// <summary>
/// The widths of the engine's id columns (actors, assignees, units: 100; business keys: 200). A longer value is refused
/// by name before anything is written, instead of failing the whole write with a database error.
/// </summary>
internal static class Lengths
{
    public const int Id = 100, BusinessKey = 200;

    public static EngineError? Check(string? value, int limit, string field) =>
        value is { } text && text.Length > limit
            ? new EngineError(EngineErrorCode.InvalidData, $"'{field}' is longer than {limit} characters ({text.Length}).", field)
            : null;

    public static EngineError? Actor(string? actor) => Check(actor, Id, "actor");
}
