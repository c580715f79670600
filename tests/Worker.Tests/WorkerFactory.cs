using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Worker.Tests;

/// <summary>The Worker host in memory with the given settings (a connection string, or none for the embedded mode).</summary>
public sealed class WorkerFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}
