using Npgsql;

namespace Engine.Runtime;

/// <summary>
/// Database errors that mean "someone else was changing the same rows": a deadlock, a serialization failure, a lock that
/// could not be had. Every engine operation takes its locks in one order (instance, then its work items, then its
/// timers), so these are rare; when one still happens it is retried, then reported as the engine's Conflict.
/// </summary>
internal static class Contention
{
    /// <summary>Tries of one operation in its own transaction.</summary>
    public const int Attempts = 4;

    public static bool IsTransient(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable;

    public static EngineError Conflict(PostgresException e) =>
        new(EngineErrorCode.Conflict, $"The instance was being changed by another operation at the same time ({e.SqlState}); try again.");

    /// <summary>A short random pause, longer after each try, so two retrying operations do not meet again.</summary>
    public static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt);
}
