using Api.Audit;
using Engine.Runtime;
using Procedures.Common;
using Procedures.Organisation;

namespace Api.Ui.Admin;

/// <summary>
/// Runs an admin use case for a page as the signed-in official, in a fresh scope, and writes the same audit record as the
/// admin endpoint it mirrors. The use cases decide who may do what; a page only offers.
/// </summary>
public sealed class AdminDesk(UiSession session)
{
    public async Task<DomainResult<T>> RunAsync<T>(string auditAction, string resourceType, Func<IServiceProvider, Actor, Task<DomainResult<T>>> work,
        Func<T, object?>? resourceId = null)
    {
        var actor = await session.ActorAsync();
        if (actor is null) return AdminAccess.NotAdmin();
        var principal = await session.PrincipalAsync();
        return await session.RunAsync(async sp =>
        {
            var result = await work(sp, actor);
            var http = UiSession.RequestFor(sp, principal);
            http.Request.Method = "POST";
            http.Request.Path = "/quan-tri";
            var id = result.Value is { } value && resourceId is not null ? resourceId(value)?.ToString() : null;
            await sp.GetRequiredService<AuditTrail>().WriteAsync(http, auditAction, resourceType, id, StatusOf(result.Error));
            return result;
        });
    }

    /// <summary>Reads for a page as the signed-in official (no audit record: the endpoints do not audit these reads either).</summary>
    public async Task<DomainResult<T>> ReadAsync<T>(Func<IServiceProvider, Actor, Task<DomainResult<T>>> work)
    {
        var actor = await session.ActorAsync();
        if (actor is null) return AdminAccess.NotAdmin();
        return await session.RunAsync(sp => work(sp, actor));
    }

    /// <summary>An engine answer as a domain result, keeping the engine's own message (it names the path), as the definition endpoints do.</summary>
    public static DomainResult<T> FromEngine<T>(EngineResult<T> result) =>
        result.Error is { } error ? DomainError.FromEngine(error) with { MessageVi = error.Message } : DomainResult<T>.Ok(result.Value!);

    private static int StatusOf(DomainError? error) => error?.Kind switch
    {
        null => 200, ErrorKind.NotFound => 404, ErrorKind.Forbidden => 403, ErrorKind.Invalid => 422, _ => 409,
    };
}
