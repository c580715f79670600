using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Procedures.Common;

/// <summary>
/// The <c>Idempotency-Key</c> a client sent with a creation, bound to the actor and to a hash of what the creation was asked
/// to do (<paramref name="RequestHash"/>), so the same key with another request is told apart from a retry.
/// </summary>
public sealed record IdempotencyKey(string Actor, string Key, string RequestHash)
{
    public const int MaxLength = 200;

    /// <summary>How long a key answers with its first result; after that it is forgotten and may be used again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Null without a key; otherwise the key for <paramref name="operation"/> with the hash of <paramref name="request"/>'s JSON.</summary>
    public static IdempotencyKey? For(string actor, string? key, string operation, object request)
    {
        if (string.IsNullOrEmpty(key)) return null;
        var json = JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), Json);
        var hash = SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(operation + "\n"), .. json]);
        return new(actor, key, Convert.ToHexStringLower(hash));
    }

    /// <summary>The key came with a request other than the one it was first used for.</summary>
    public static DomainError Reused { get; } = new(ErrorKind.Conflict, "idempotency-key-reused",
        "Idempotency-Key đã dùng cho yêu cầu khác.", "The Idempotency-Key was already used for another request.", "Idempotency-Key");

    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
    internal static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;
}

/// <summary>
/// Idempotent creation: <see cref="FindAsync{T}"/> before the work answers a retry with the first result; <see cref="RecordAsync{T}"/>
/// in the creation's transaction, just before it commits, stores the result under the key. Retries racing each other all reach
/// the insert; the primary key lets one commit, and the others (the insert waits for it) roll back and answer its result.
/// Works on any context of the database (the API's uploads use it in their own transaction).
/// </summary>
public static class IdempotencyKeys
{
    private sealed record Stored(string RequestHash, string Result);

    /// <summary>Null when the key is absent, unknown or expired; the first result (replayed) when the request is the same; Reused otherwise.</summary>
    public static async Task<DomainResult<T>?> FindAsync<T>(DatabaseFacade database, IdempotencyKey? key, DateTimeOffset now, CancellationToken ct)
    {
        if (key is null) return null;
        var expired = now - IdempotencyKey.Lifetime;
        var stored = await database.SqlQuery<Stored>($"""
            SELECT request_hash, result::text AS result FROM procedures.idempotency_keys
            WHERE actor = {key.Actor} AND key = {key.Key} AND created_at > {expired}
            """).ToListAsync(ct);
        if (stored is not [var first]) return null;
        return first.RequestHash == key.RequestHash ? DomainResult<T>.Replay(IdempotencyKey.Deserialize<T>(first.Result)) : IdempotencyKey.Reused;
    }

    /// <summary>
    /// In the creation's transaction: stores <paramref name="result"/> under the key and returns null, and the caller commits; or,
    /// when another request with the key committed first, returns what <see cref="FindAsync{T}"/> answers, and the caller rolls back.
    /// </summary>
    public static async Task<DomainResult<T>?> RecordAsync<T>(DatabaseFacade database, IdempotencyKey? key, T result, DateTimeOffset now, CancellationToken ct)
    {
        if (key is null) return null;
        var expired = now - IdempotencyKey.Lifetime;
        var json = IdempotencyKey.Serialize(result);
        // An expired row is taken over; a live one (committed, or committing: the insert waits for it) is left as it is.
        var written = await database.ExecuteSqlAsync($"""
            INSERT INTO procedures.idempotency_keys AS k (actor, key, request_hash, result, created_at)
            VALUES ({key.Actor}, {key.Key}, {key.RequestHash}, {json}::jsonb, {now})
            ON CONFLICT (actor, key) DO UPDATE SET request_hash = excluded.request_hash, result = excluded.result, created_at = excluded.created_at
            WHERE k.created_at <= {expired}
            """, ct);
        if (written == 1) return null;
        return await FindAsync<T>(database, key, now, ct) ?? DomainResult<T>.Fail(IdempotencyKey.Reused);
    }

    /// <summary>
    /// Saves what the creation added to <paramref name="db"/> and answers <paramref name="result"/>; with a key, in one transaction
    /// with it, or, when a retry raced it and lost, forgets the additions and answers the first result.
    /// </summary>
    public static async Task<DomainResult<T>> SaveOnceAsync<T>(DbContext db, IdempotencyKey? key, T result, DateTimeOffset now, CancellationToken ct)
    {
        if (key is null)
        {
            await db.SaveChangesAsync(ct);
            return result;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await RecordAsync(db.Database, key, result, now, ct) is { } first)
        {
            db.ChangeTracker.Clear();
            return first;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>Deletes the keys past their lifetime; returns how many.</summary>
    public static Task<int> PurgeAsync(DatabaseFacade database, DateTimeOffset now, CancellationToken ct)
    {
        var expired = now - IdempotencyKey.Lifetime;
        return database.ExecuteSqlAsync($"DELETE FROM procedures.idempotency_keys WHERE created_at <= {expired}", ct);
    }
}
