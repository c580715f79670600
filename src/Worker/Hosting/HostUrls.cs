using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Worker.Hosting;

/// <summary>Listens on a loopback default unless an address is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, ports, Kestrel endpoints).</summary>
public static class HostUrls
{
    public const string ApiDefault = "http://127.0.0.1:5080";
    public const string WorkerDefault = "http://127.0.0.1:5081";

    public static void UseDefaultUrl(this WebApplicationBuilder builder, string defaultUrl)
    {
        var config = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(config[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrWhiteSpace(config[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrWhiteSpace(config[WebHostDefaults.HttpsPortsKey])
            || config.GetSection("Kestrel:Endpoints").Exists();
        if (!configured) builder.WebHost.UseUrls(defaultUrl);
    }
}
