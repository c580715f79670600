using Engine.Hosting;
using Engine.Runtime;
using Engine.Timers;
using EngineNode;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Settings come as environment variables: Node__ConnectionString, Node__RegistryUrl, Engine__Timers__HandlerLease.
var builder = Host.CreateApplicationBuilder(args);
var connectionString = builder.Configuration["Node:ConnectionString"] ?? throw new InvalidOperationException("Node:ConnectionString is required.");
builder.Services.AddHttpClient("registry", c => c.BaseAddress = new Uri(builder.Configuration["Node:RegistryUrl"]!));
builder.Services.Configure<TimerOptions>(builder.Configuration.GetSection("Engine:Timers"));
builder.Services.Configure<EngineWorkerOptions>(o => o.TimerPollInterval = TimeSpan.FromMilliseconds(100));
builder.Services.AddWorkflowEngine(connectionString);
builder.Services.AddWorkflowHandler<CallRegistry>(CallRegistry.Name);
builder.Services.AddHostedService(sp => sp.GetRequiredService<Engine.Timers.TimerPoller>());
var host = builder.Build();
await host.StartAsync();
Console.WriteLine("engine node ready");
await host.WaitForShutdownAsync();
