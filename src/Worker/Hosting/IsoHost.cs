using System.Reflection;
using Engine.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Procedures.Calendar;
using Procedures.Hosting;
using Serilog;
using Serilog.Extensions.Logging;
using Worker.Notifications;

namespace Worker.Hosting;

/// <summary>
/// What the API and the Worker hosts share: Serilog, the default URL, the database (configured or embedded),
/// the engine and the domain on it, migrations and workflow loading at start, and the health checks. Owns the embedded cluster and
/// the logger; dispose it after the app has run (<c>await using</c> in Program).
/// </summary>
public sealed class IsoHost : IAsyncDisposable
{
    private readonly Serilog.Core.Logger _serilog;
    private readonly Microsoft.Extensions.Logging.ILogger _logger;
    private readonly ExitTrace _exit;
    private readonly bool _isTheProcess;

    private IsoHost(Serilog.Core.Logger serilog, Microsoft.Extensions.Logging.ILogger logger, ExitTrace exit, bool isTheProcess, DatabaseConnection database)
    {
        _serilog = serilog;
        _logger = logger;
        _exit = exit;
        _isTheProcess = isTheProcess;
        Database = database;
    }

    public DatabaseConnection Database { get; }

    public static async Task<IsoHost> ConfigureAsync(WebApplicationBuilder builder, string defaultUrl, CancellationToken ct = default)
    {
        var serilog = HostLogging.CreateLogger(builder.Configuration);
        builder.Services.AddSerilog(serilog, dispose: false);
        builder.Services.AddSingleton<Serilog.ILogger>(serilog);
        var logger = new SerilogLoggerFactory(serilog).CreateLogger(typeof(IsoHost).FullName!);
        var isTheProcess = Assembly.GetEntryAssembly()?.GetName().Name == builder.Environment.ApplicationName;
        // First thing after the logger, so that even a failed start leaves its trace.
        var exit = new ExitTrace(new SerilogLoggerFactory(serilog).CreateLogger(typeof(ExitTrace).FullName!));
        builder.UseDefaultUrl(defaultUrl);

        DatabaseConnection database;
        try
        {
            database = await DatabaseBootstrap.ResolveAsync(builder.Configuration, builder.Environment.ContentRootPath, logger, ct);
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "Cannot start: the database is not available");
            exit.Stopped("the database is not available");
            Release(exit, isTheProcess);
            await serilog.DisposeAsync();
            throw;
        }

        builder.Services.AddSingleton(database);
        builder.Services.AddWorkflowEngine(database.ConnectionString);
        builder.Services.Configure<Engine.Timers.TimerOptions>(builder.Configuration.GetSection("Engine:Timers"));
        builder.Services.AddProcedures();
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddSingleton(WorkflowSource.Resolve(builder.Configuration, builder.Environment.ContentRootPath));
        // Registered before anything else that runs in the background, so it finishes before they start.
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddCalendarChangeListener();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        return new IsoHost(serilog, logger, exit, isTheProcess, database);
    }

    /// <summary>
    /// Runs the app and logs, for each address it listens on, that <paramref name="name"/> runs there (with
    /// <paramref name="hint"/>, e.g. where the API reference is). A failed start is logged and returns 1 when this app is the process; when another program hosts it
    /// (tests), the exception is rethrown so that program sees it.
    /// </summary>
    public async Task<int> RunAsync(WebApplication app, string name, string hint)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var url in addresses) _logger.LogInformation("{Name} đang chạy tại {Url} ({Hint})", name, url, hint);
        });
        try
        {
            await app.RunAsync();
            _logger.LogInformation("{Name} stopped", name);
            _exit.Stopped("the host stopped");
            return ExitCode(0);
        }
        catch (Exception e) when (e is not HostAbortedException)
        {
            if (e is WorkflowDefinitionsException w) _logger.LogCritical("Stopped: fix the {Count} workflow problem(s) listed above in {Folder}", w.Problems.Count, w.Folder);
            else _logger.LogCritical(e, "Stopped: the host failed");
            _exit.Stopped("the host failed");
            if (!_isTheProcess) throw;
            return ExitCode(1);
        }
    }

    private int ExitCode(int code)
    {
        if (_isTheProcess) Environment.ExitCode = code;
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Release(_exit, _isTheProcess);
        await _serilog.DisposeAsync();
    }

    /// <summary>
    /// When this app is the process, the exit line and a late crash still go out, to standard error; when another program
    /// hosts it (tests), that program's own process outlives it and the handlers go with the host.
    /// </summary>
    private static void Release(ExitTrace exit, bool isTheProcess)
    {
        if (isTheProcess) exit.LoggerGone();
        else exit.Dispose();
    }
}
