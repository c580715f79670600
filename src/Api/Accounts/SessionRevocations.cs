using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Api.Accounts;

/// <summary>
/// Ends sign-in sessions before their cookie or token expires: one session at sign-out, every session of an account when its
/// password changes or it is locked. A session is the <see cref="IsoClaims.Session"/> of the ticket made at sign-in, kept
/// by its refreshes; every request checks it (<see cref="SessionCheck"/>). Each process keeps an account's revocations for
/// <see cref="CacheFor"/>, so another process sees a revocation within that time and this one at once.
/// </summary>
public sealed class SessionRevocations(NpgsqlDataSource dataSource, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record Revoked(DateTimeOffset? AllBefore, IReadOnlySet<Guid> Sessions);

    /// <summary>The session of <paramref name="user"/>'s ticket ends (sign-out); the account's other sessions go on.</summary>
    public Task<DateTimeOffset> RevokeAsync(ClaimsPrincipal user, string reason, CancellationToken ct = default) =>
        CurrentUser.From(user) is { AccountId: { } account, IsSystem: false }
            ? SessionOf(user) is { } session ? WriteAsync(account, session, reason, ct) : RevokeAllAsync(account, reason, ct)
            : Task.FromResult(clock.GetUtcNow());

    /// <summary>Every session of the account issued until now ends (password changed or reset, account locked); returns that moment.</summary>
    public Task<DateTimeOffset> RevokeAllAsync(Guid account, string reason, CancellationToken ct = default) => WriteAsync(account, null, reason, ct);

    /// <summary>Whether the ticket's session was ended; a ticket of another system (no account) never is.</summary>
    public async Task<bool> IsRevokedAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (CurrentUser.From(user) is not { AccountId: { } account, IsSystem: false }) return false;
        var revoked = await cache.GetOrCreateAsync(account, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await ReadAsync(account, ct);
        }) ?? new Revoked(null, new HashSet<Guid>());
        if (SessionOf(user) is { } session && revoked.Sessions.Contains(session)) return true;
        // Milliseconds in the ticket against microseconds in the table: a session begun in the revocation's millisecond but
        // before it counts as before; the new session a password change opens is dated a millisecond after (MeEndpoints).
        return revoked.AllBefore is { } before && IssuedAt(user) is var issued && (issued is null || issued < before);
    }

    public static Guid? SessionOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(IsoClaims.Session), out var id) ? id : null;

    private static DateTimeOffset? IssuedAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(IsoClaims.IssuedAt), out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    private async Task<DateTimeOffset> WriteAsync(Guid account, Guid? session, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO accounts.session_revocations (account_id, session_id, revoked_at, reason) VALUES ($1, $2, $3, $4)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = account });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)session ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = now });
        cmd.Parameters.Add(new NpgsqlParameter { Value = reason });
        await cmd.ExecuteNonQueryAsync(ct);
        cache.Remove(account);
        return now;
    }

    /// <summary>Revocations younger than the longest ticket (a refresh token); older ones concern only expired tickets.</summary>
    private async Task<Revoked> ReadAsync(Guid account, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "SELECT session_id, revoked_at FROM accounts.session_revocations WHERE account_id = $1 AND revoked_at > $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = account });
        cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() - AuthSetup.RefreshTokenLifetime });
        DateTimeOffset? allBefore = null;
        var sessions = new HashSet<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (!r.IsDBNull(0)) sessions.Add(r.GetGuid(0));
            else if (r.GetFieldValue<DateTimeOffset>(1) is var at && (allBefore is null || at > allBefore)) allBefore = at;
        }
        return new Revoked(allBefore, sessions);
    }
}

/// <summary>
/// Turns a request whose session was ended into an anonymous one, before authorisation: the endpoints then answer 401 as
/// for no sign-in at all, and a revoked cookie is deleted from the browser.
/// </summary>
public sealed class SessionCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, SessionRevocations revocations)
    {
        if (http.User.Identity?.IsAuthenticated == true && await revocations.IsRevokedAsync(http.User, http.RequestAborted))
        {
            if (http.User.Identity.AuthenticationType == AuthSetup.Cookie)
                await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http, AuthSetup.Cookie);
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(http);
    }
}
