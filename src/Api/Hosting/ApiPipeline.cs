using Api.Endpoints;
using Scalar.AspNetCore;
using Worker.Hosting;

namespace Api.Hosting;

/// <summary>Middleware and endpoints of the API host.</summary>
public static class ApiPipeline
{
    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        // Errors and empty error responses become RFC 9457 problem+json, without exception details.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLogging();

        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("ISO điện tử — API"));
        app.MapHealthEndpoints();
        app.MapHomePage();
        app.MapSystemEndpoints();
        return app;
    }
}
