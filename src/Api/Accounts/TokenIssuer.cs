using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace Api.Accounts;

/// <summary>An OAuth 2.0 token response (RFC 6749 §5.1), so ordinary OAuth client libraries read it.</summary>
public sealed record TokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string? RefreshToken);

/// <summary>
/// Issues and reads the bearer handler's tokens (data-protected tickets, checked without a database call); the
/// refresh token is a ticket too, and refreshing re-checks the account (active, not locked, same security stamp).
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    private BearerTokenOptions Options => options.Get(AuthSetup.Bearer);

    public TokenResponse Issue(ClaimsPrincipal principal, bool withRefresh)
    {
        var now = clock.GetUtcNow();
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + Options.BearerTokenExpiration }, AuthSetup.Bearer);
        string? refresh = null;
        if (withRefresh)
        {
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + Options.RefreshTokenExpiration }, AuthSetup.Bearer);
            refresh = Options.RefreshTokenProtector.Protect(ticket);
        }
        return new TokenResponse(Options.BearerTokenProtector.Protect(access), "Bearer", (long)Options.BearerTokenExpiration.TotalSeconds, refresh);
    }

    /// <summary>The principal of a refresh token still in date, else null.</summary>
    public ClaimsPrincipal? ReadRefreshToken(string token)
    {
        var ticket = Options.RefreshTokenProtector.Unprotect(token);
        return ticket?.Properties.ExpiresUtc is { } expires && expires > clock.GetUtcNow() ? ticket.Principal : null;
    }
}
