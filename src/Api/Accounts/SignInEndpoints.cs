using Api.Audit;
using Api.Hosting;
using Api.Persistence;
using Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Accounts;

public sealed record SignInRequest(string UserName, string Password, string? TotpCode = null);

/// <summary>
/// OAuth 2.0-style token request: <c>grant_type</c> <c>password</c> (user name, password, TOTP code when enabled),
/// <c>client_credentials</c> (another system) or <c>refresh_token</c>. Accepted as JSON or as an HTML form.
/// </summary>
public sealed record TokenRequest(string GrantType, string? UserName = null, string? Password = null, string? TotpCode = null,
    string? ClientId = null, string? ClientSecret = null, string? RefreshToken = null);

/// <summary>Who is signed in; for an official, the units they work in today with their roles there.</summary>
public sealed record MeResponse(Guid? AccountId, string UserName, string Kind, string? FullName, bool TwoFactorEnabled, IReadOnlyList<MeUnit>? Units = null);

public sealed record MeUnit(Guid UnitId, string UnitCode, IReadOnlyList<Procedures.Organisation.Role> Roles, Guid? ActsForUnitId);

public static class SignInEndpoints
{
    public static void Map(WebApplication app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Authentication").AllowAnonymous();
        auth.MapPost("/sign-in", SignInAsync).RequireRateLimiting(RateLimits.SignIn).WithName("SignIn").WithSummary("Đăng nhập (cookie, cho giao diện web)")
            .WithDescription("Sets the HttpOnly, SameSite=Strict cookie. 5 wrong passwords lock the account for 15 minutes.")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        auth.MapPost("/sign-out", (Delegate)SignOutAsync).Audited("auth.sign-out", "account").WithName("SignOut").WithSummary("Đăng xuất");
        auth.MapPost("/token", TokenAsync).RequireRateLimiting(RateLimits.SignIn).DisableAntiforgery().WithName("Token").WithSummary("Cấp bearer token (OAuth 2.0)")
            .WithDescription("grant_type=password (officials and citizens), client_credentials (other systems) or refresh_token; JSON (grantType, userName, ...) or application/x-www-form-urlencoded (grant_type, username, ...). Access tokens last 15 minutes, refresh tokens 14 days; signing out, a password change and a deactivation end them at once.")
            .Accepts<TokenRequest>("application/json", "application/x-www-form-urlencoded")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(429);
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SignInAsync(SignInRequest request, HttpContext http,
        CredentialCheck credentials, UserManager<Account> users, AuditTrail audit, TimeProvider clock)
    {
        var (account, problem) = await credentials.CheckAsync(http, request.UserName, request.Password, request.TotpCode);
        if (problem is not null)
        {
            await audit.WriteAsync(http, "auth.sign-in", "account", null, problem.StatusCode, Logins.Normalise(request.UserName));
            return problem;
        }
        var principal = Principal(AuthSetup.Cookie, account!, (Guid.NewGuid(), clock.GetUtcNow()));
        await http.SignInAsync(AuthSetup.Cookie, principal);
        http.User = principal;
        account!.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(account);
        await audit.WriteAsync(http, "auth.sign-in", "account", account.Id.ToString(), 200);
        return TypedResults.Ok(new MeResponse(account.Id, account.UserName!, account.Kind.ToString(), account.FullName, account.TwoFactorEnabled));
    }

    /// <summary>Ends the caller's session for good (its copied cookies and tokens too), then deletes the cookie.</summary>
    private static async Task<NoContent> SignOutAsync(HttpContext http, SessionRevocations sessions)
    {
        await sessions.RevokeAsync(http.User, "sign-out", http.RequestAborted);
        await http.SignOutAsync(AuthSetup.Cookie);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> TokenAsync(HttpContext http, CredentialCheck credentials,
        UserManager<Account> users, TokenIssuer tokens, ApiDb db, AuditTrail audit, IPasswordHasher<ApiClient> secrets, SessionRevocations sessions,
        TimeProvider clock)
    {
        var request = await ReadAsync(http);
        if (request is null)
            return Problem.Invalid(http, "grantType", "invalid_request", "Yêu cầu cấp token không hợp lệ.", "The token request is not valid.");
        switch (request.GrantType)
        {
            case "password":
            {
                var (account, problem) = await credentials.CheckAsync(http, request.UserName, request.Password, request.TotpCode);
                await audit.WriteAsync(http, "auth.token.password", "account", account?.Id.ToString(), problem?.StatusCode ?? 200, Logins.Normalise(request.UserName));
                return problem ?? (Results<Ok<TokenResponse>, ProblemHttpResult>)TypedResults.Ok(
                    tokens.Issue(Principal(AuthSetup.Bearer, account!, (Guid.NewGuid(), clock.GetUtcNow())), withRefresh: true));
            }
            case "client_credentials":
            {
                var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == (request.ClientId ?? ""), http.RequestAborted);
                var valid = client is { IsActive: true } && secrets.VerifyHashedPassword(client, client.SecretHash, request.ClientSecret ?? "") != PasswordVerificationResult.Failed;
                await audit.WriteAsync(http, "auth.token.client", "client", request.ClientId, valid ? 200 : 401, request.ClientId);
                if (!valid)
                    return Problem.Make(http, 401, "invalid_client", Language.Pick(http, "Mã ứng dụng hoặc khóa bí mật không đúng.", "The client id or secret is wrong."));
                var principal = CurrentUser.Principal(AuthSetup.Bearer, client!.ClientId, client.ClientId, IsoClaims.SystemKind, null, client.Scopes, client.UnitId);
                return TypedResults.Ok(tokens.Issue(principal, withRefresh: false));
            }
            case "refresh_token":
            {
                var old = tokens.ReadRefreshToken(request.RefreshToken ?? "");
                var account = old is null || CurrentUser.From(old)?.AccountId is not { } id ? null : await users.FindByIdAsync(id.ToString());
                // A changed password or a lock revokes refresh: the security stamp in the ticket must still be the account's, and
                // its session not ended (signed out). The new tokens continue the same session.
                if (account is null || await users.IsLockedOutAsync(account) || old!.FindFirst(IsoClaims.Stamp)?.Value != account.SecurityStamp
                    || await sessions.IsRevokedAsync(old, http.RequestAborted))
                    return Problem.Make(http, 401, "invalid_grant", Language.Pick(http, "Refresh token không hợp lệ hoặc đã hết hạn.", "The refresh token is not valid or has expired."));
                var session = SessionRevocations.SessionOf(old) is { } sessionId && long.TryParse(old.FindFirst(IsoClaims.IssuedAt)?.Value, out var began)
                    ? (sessionId, DateTimeOffset.FromUnixTimeMilliseconds(began)) : (Guid.NewGuid(), clock.GetUtcNow());
                return TypedResults.Ok(tokens.Issue(Principal(AuthSetup.Bearer, account, session), withRefresh: true));
            }
            default:
                return Problem.Invalid(http, "grantType", "unsupported_grant_type", "grant_type phải là password, client_credentials hoặc refresh_token.",
                    "grant_type must be password, client_credentials or refresh_token.");
        }
    }

    public static System.Security.Claims.ClaimsPrincipal Principal(string scheme, Account account, (Guid Id, DateTimeOffset IssuedAt) session) =>
        CurrentUser.Principal(scheme, account.Id.ToString(), account.UserName!, account.Kind.ToString(), account.SecurityStamp, session: session);

    /// <summary>JSON (camelCase) or an OAuth form (snake_case), with client credentials also accepted as HTTP Basic.</summary>
    private static async Task<TokenRequest?> ReadAsync(HttpContext http)
    {
        TokenRequest? request;
        if (http.Request.HasFormContentType)
        {
            var f = await http.Request.ReadFormAsync(http.RequestAborted);
            request = new TokenRequest(f["grant_type"].ToString(), f["username"].ToString(), f["password"].ToString(), f["totp_code"].ToString(),
                f["client_id"].ToString(), f["client_secret"].ToString(), f["refresh_token"].ToString());
        }
        else if (http.Request.HasJsonContentType())
        {
            try { request = await http.Request.ReadFromJsonAsync<TokenRequest>(http.RequestAborted); }
            catch (System.Text.Json.JsonException) { return null; }
        }
        else return null;
        if (request is null || string.IsNullOrWhiteSpace(request.GrantType)) return null;
        if (http.Request.Headers.Authorization.ToString() is { } basic && basic.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..].Trim())).Split(':', 2);
                if (pair.Length == 2) request = request with { ClientId = Uri.UnescapeDataString(pair[0]), ClientSecret = Uri.UnescapeDataString(pair[1]) };
            }
            catch (FormatException) { return null; }
        }
        return request;
    }
}
