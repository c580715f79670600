using Npgsql;
using NpgsqlTypes;

namespace Engine.Runtime;

/// <summary>
/// The published definition a start runs on, read in the caller's own batch (<see cref="StartResolution.Command"/>) and handed to the
/// start (<see cref="StartInstance.Resolved"/>), which then sends no read of its own. Opaque: only the engine judges it.
/// </summary>
public sealed class ResolvedStart
{
    internal ResolvedStart(string definitionId, int? version, Guid? recordId, bool retired) =>
        (DefinitionId, Version, RecordId, Retired) = (definitionId, version, recordId, retired);

    internal string DefinitionId { get; }
    internal int? Version { get; }
    /// <summary>The published version's row; null when there is none.</summary>
    internal Guid? RecordId { get; }
    /// <summary>The definition's latest version is retired: no new instances.</summary>
    internal bool Retired { get; }

    internal bool Answers(StartInstance request) => request.DefinitionId == DefinitionId && request.Version == Version;
}

/// <summary>The read that resolves a start's definition, for a caller's batch in the transaction the start will run in.</summary>
public static class StartResolution
{
    internal const string Sql =
        "SELECT d.id, (SELECT l.retired_at FROM engine.definitions l WHERE l.definition_id = $1 AND l.is_latest) " +
        "FROM engine.definitions d WHERE d.definition_id = $1 AND d.is_published AND " +
        "(CASE WHEN $2::int IS NULL THEN d.is_latest ELSE d.version = $2 END)";

    /// <summary>The latest published version of <paramref name="definitionId"/>, or its <paramref name="version"/>.</summary>
    public static NpgsqlBatchCommand Command(string definitionId, int? version) => new(Sql)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = definitionId },
            new NpgsqlParameter { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
        },
    };

    /// <summary>Reads the result of <see cref="Command"/> (the reader positioned on it).</summary>
    public static async Task<ResolvedStart> ReadAsync(NpgsqlDataReader reader, string definitionId, int? version, CancellationToken ct) =>
        await reader.ReadAsync(ct) ? new(definitionId, version, reader.GetGuid(0), !reader.IsDBNull(1)) : new(definitionId, version, null, false);

    internal static EngineError? Refusal(ResolvedStart resolved) =>
        resolved.RecordId is null
            ? new EngineError(EngineErrorCode.DefinitionUnavailable, resolved.Version is { } v
                ? $"Definition '{resolved.DefinitionId}' has no published version {v}."
                : $"Definition '{resolved.DefinitionId}' has no published version.", "definitionId")
            : resolved.Retired
                ? new EngineError(EngineErrorCode.DefinitionUnavailable, $"Definition '{resolved.DefinitionId}' is retired: no new instances.", "definitionId")
                : null;
}

/// <summary>
/// A start's writes, built but not sent (<see cref="StartInstance.DeferWrite"/>): the caller adds its own statements to
/// <see cref="Batch"/>, sends it in one round trip in its transaction, and then calls <see cref="Sent"/>. Until it is sent the
/// instance is not in the database; a caller that gives up simply rolls its transaction back (and disposes the batch).
/// </summary>
public sealed class PendingWrite : IAsyncDisposable
{
    internal NpgsqlBatch? Deferred { get; set; }

    /// <summary>The engine's statements, on the caller's connection and transaction; the caller's own go after them.</summary>
    public NpgsqlBatch Batch => Deferred ?? throw new InvalidOperationException("Nothing was deferred.");

    /// <summary>After the batch has run to the end (its reader closed): its parameters go back for reuse.</summary>
    public void Sent() => ReusedParameters.GiveBack(Batch);

    public ValueTask DisposeAsync() => Deferred?.DisposeAsync() ?? ValueTask.CompletedTask;
}
