using Api.Backups;
using Api.Hosting;
using Api.Ui;
using Worker.Hosting;

if (BackupCommand.Handles(args)) return await BackupCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
await using var host = await IsoHost.ConfigureAsync(builder, HostUrls.ApiDefault);
builder.AddApiServices();
builder.AddWebUi();

var app = builder.Build();
app.UseApiPipeline();
StartBanner.Register(app);
return await host.RunAsync(app, "ISO điện tử", "Scalar: /scalar");

/// <summary>The API entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program { }
