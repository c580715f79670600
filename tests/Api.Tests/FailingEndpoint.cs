using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Api.Tests;

/// <summary>Adds <c>/test/fail</c>, which throws, after the app's own pipeline, so the app's error handling sees the exception.</summary>
public sealed class FailingEndpoint : IStartupFilter
{
    public const string Path = "/test/fail";
    public const string Secret = "connection refused by secret-host-42";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Map(Path, b => b.Run(_ => throw new InvalidOperationException(Secret)));
    };
}
