using System.Security.Claims;
using Api.Accounts;
using Api.Problems;
using Microsoft.AspNetCore.Components.Authorization;
using Procedures.Common;
using Procedures.Organisation;

namespace Api.Ui;

/// <summary>
/// What a page needs from the host: the signed-in user and a fresh service scope per operation, so the use cases of
/// src/Procedures run with a new DbContext each time instead of one that lives as long as the browser tab.
/// </summary>
public sealed class UiSession(IServiceScopeFactory scopes, AuthenticationStateProvider auth)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await auth.GetAuthenticationStateAsync()).User;

    public async Task<CurrentUser?> UserAsync() => CurrentUser.From(await PrincipalAsync());

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// The signed-in official with today's units and roles, through the one "official or 403" lookup
    /// (<see cref="OfficialDirectory.ActingAsync"/>): Forbidden for anyone else, which a page shows as its refusal.
    /// </summary>
    public async Task<DomainResult<Actor>> ActingAsync() =>
        await UserAsync() is { IsOfficial: true } user
            ? await RunAsync<OfficialDirectory, DomainResult<Actor>>(d => d.ActingAsync(user.Name))
            : OfficialDirectory.NotAnOfficial;

    /// <summary>The signed-in official as <see cref="ActingAsync"/> finds them; null for anyone else.</summary>
    public async Task<Actor?> ActorAsync() => (await ActingAsync()).Value;

    /// <summary>
    /// Records a page's read of personal data as the endpoint that returns the same data would (same action), with the page's
    /// path: a page reads through the use cases, not through HTTP, so the audit middleware does not see it.
    /// </summary>
    public async Task AuditReadAsync(string action, string resourceType, object? resourceId, string path, bool found = true)
    {
        var principal = await PrincipalAsync();
        await RunAsync<IServiceProvider, bool>(async sp =>
        {
            var http = RequestFor(sp, principal);
            http.Request.Method = "GET";
            http.Request.Path = path;
            await sp.GetRequiredService<Api.Audit.AuditTrail>().WriteAsync(http, action, resourceType, resourceId?.ToString(), found ? 200 : 404);
            return true;
        });
    }

    /// <summary>
    /// A request context for the API's own services that take one (uploads): the user of this page, and problem texts in
    /// the page's language.
    /// </summary>
    public static HttpContext RequestFor(IServiceProvider services, ClaimsPrincipal user)
    {
        var http = new DefaultHttpContext { User = user, RequestServices = services };
        http.Items[typeof(Language)] = UiServices.IsEnglish;
        return http;
    }
}
