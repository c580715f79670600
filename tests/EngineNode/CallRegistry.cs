using Engine.Runtime;

namespace EngineNode;

/// <summary>Registers the citizen in another agency's registry over HTTP, passing the idempotency key so the registry acts once.</summary>
public sealed class CallRegistry(IHttpClientFactory http) : IStepHandler
{
    public const string Name = "call-registry";

    public async ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "register");
        request.Headers.Add("Idempotency-Key", context.IdempotencyKey.ToString());
        using var response = await http.CreateClient("registry").SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        context.Variables["registryNumber"] = await response.Content.ReadAsStringAsync(ct);
    }
}
