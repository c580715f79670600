using Api.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Api.Ui;

/// <summary>
/// A page stays connected long after its cookie was read: every minute the connection checks that its session was not
/// ended meanwhile (signed out elsewhere, password changed, account locked) and, when it was, the page forgets the user,
/// so its protected content is replaced by the sign-in prompt.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggers, SessionRevocations sessions) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        !await sessions.IsRevokedAsync(authenticationState.User, cancellationToken);
}
