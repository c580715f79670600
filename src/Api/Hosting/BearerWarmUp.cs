using Api.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Hosting;

/// <summary>
/// What every API client's request goes through before its endpoint: a bearer token issued for an official (as the token
/// endpoint issues it, without the password check), read back by the authentication handler from an <c>Authorization</c>
/// header (the data protection that unprotects it), and the official policy checked. In process, so no audit row is written.
/// </summary>
public sealed class BearerWarmUp : IWarmUpStep
{
    private Account? _account;
    private bool _looked;

    public string Name => "bearer token";

    public async Task<bool> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!_looked) (_account, _looked) = (await services.GetRequiredService<UserManager<Account>>().Users.AsNoTracking()
            .Where(a => a.Kind == AccountKind.Official && a.SecurityStamp != null).OrderBy(a => a.UserName).FirstOrDefaultAsync(ct), true);
        if (_account is not { } account) return false;
        var clock = services.GetRequiredService<TimeProvider>();
        var token = services.GetRequiredService<TokenIssuer>().Issue(SignInEndpoints.Principal(AuthSetup.Bearer, account, (Guid.NewGuid(), clock.GetUtcNow())), withRefresh: true);
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Headers.Authorization = $"Bearer {token.AccessToken}";
        var signedIn = await http.AuthenticateAsync();
        if (signedIn.Principal is not { } principal) return false;
        return (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(principal, Policies.Official)).Succeeded;
    }
}
