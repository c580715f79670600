using Engine.Definitions;
using Worker.Hosting;

namespace Api.Endpoints;

public static class SystemEndpoints
{
    public const string ProductName = "ISO điện tử";

    public static IEndpointRouteBuilder MapSystemEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var system = endpoints.MapGroup("/api/v1/system").WithTags("System");
        system.MapGet("/info", GetInfoAsync)
            .WithName("GetSystemInfo")
            .WithSummary("Thông tin hệ thống")
            .WithDescription("Product name, version, database mode (embedded or external) and the number of published workflow definitions.")
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<SystemInfo>> GetInfoAsync(
        DatabaseConnection database, DefinitionStore definitions, CancellationToken ct)
    {
        var published = await definitions.CountPublishedAsync(ct);
        return TypedResults.Ok(new SystemInfo(ProductName, ProductVersion.Current, database.Mode.ToString().ToLowerInvariant(), published));
    }
}
