using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Api.Dossiers;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procedures.Persistence;
using Worker;

namespace Api.Hosting;

/// <summary>The API's own services on top of what <see cref="Worker.Hosting.IsoHost"/> registers.</summary>
public static class ApiServices
{
    /// <summary>JSON bodies are small; uploads raise their own limit.</summary>
    public const long MaxJsonBody = 1024 * 1024;

    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // Status pages the framework writes itself (401, 403, 404, 405, 415, 429) get the same bilingual shape.
            if (c.ProblemDetails.Status is { } status && c.ProblemDetails.Detail is null)
            {
                c.ProblemDetails.Title = Titles.For(c.HttpContext, status);
                c.ProblemDetails.Detail = Titles.Detail(c.HttpContext, status);
                c.ProblemDetails.Extensions.TryAdd("code", status switch { 401 => "unauthorized", 403 => "forbidden", 404 => "not-found", _ => $"http-{status}" });
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxJsonBody);
        services.AddIsoOpenApi();
        services.Configure<JsonOptions>(o =>
        {
            // Vietnamese text stays readable; HTML-sensitive characters (< > & ' ") are still escaped, so stored markup is inert.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Every string read from a body is checked and normalised (Problems/CleanJsonText), one-line fields by their name.
            o.SerializerOptions.Converters.Add(CleanJsonText.FreeText);
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(CleanJsonText.ByPropertyName);
        });
        services.AddHttpContextAccessor();

        // Before authentication, which brings data protection's own start-up service: that one reads the key ring from the
        // accounts schema, so the schema must exist first, or the first keys are made in memory and cookies made with them fail.
        services.AddHostedService<ApiDatabaseInitializer>();
        services.AddIsoAuthentication();
        services.AddIsoDataProtection(config, builder.Environment.ContentRootPath);
        services.AddIsoRateLimits(config);
        services.AddIsoSecurityHeaders();
        services.AddIsoForwardedHeaders(config);
        services.AddIsoTelemetry(config);

        services.TryAddSingleton<IVerificationSender, LoggingVerificationSender>();
        services.AddSingleton<IPasswordHasher<ApiClient>, PasswordHasher<ApiClient>>();
        services.AddScoped<CredentialCheck>();
        services.AddScoped<CitizenRegistration>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<Admin.OfficialAccounts>();
        services.AddScoped<Admin.EngineRepairs>();
        services.AddScoped<Admin.DefinitionMigrations>();
        services.AddScoped<DossierAccess>();
        services.AddScoped<InboxQuery>();
        services.AddScoped<WorkloadQuery>();
        services.AddScoped<InboxEndpoints.InboxDeps>();

        var files = config.GetSection(FileSettings.Section).Get<FileSettings>() ?? new FileSettings();
        services.Configure<FileSettings>(config.GetSection(FileSettings.Section));
        services.TryAddSingleton<IFileStore>(new LocalFileStore(files.FolderUnder(builder.Environment.ContentRootPath)));
        services.TryAddSingleton<IVirusScanner, SignatureScanner>();
        services.AddScoped<AttachmentUpload>();
        services.AddSingleton<UploadQuota>();
        services.AddSingleton<UnattachedUploadsPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<UnattachedUploadsPurge>());
        services.AddScoped<AttachmentBinder>();

        AddValidators(services);
        AddWarmUp(services, config);
        // Without the worker in this process, a bus carrying only the push consumer still brings the notifications the
        // Worker processes write to the browsers connected here.
        if (WorkerMode.RunInProcess(config)) services.AddWorkerServices(config);
        else services.AddNotificationPushBus(config);
        return builder;
    }

    /// <summary>
    /// The warm-up of the hot paths after the migrations (registered after <see cref="ApiDatabaseInitializer"/>, so it starts
    /// after it), and readiness that waits for it.
    /// </summary>
    private static void AddWarmUp(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(WarmUpSettings.Section).Get<WarmUpSettings>() ?? new WarmUpSettings());
        services.AddSingleton<WarmUpState>();
        services.AddSingleton<IWarmUpStep, PipelineWarmUp>();
        services.AddSingleton<IWarmUpStep, OfficialReadsWarmUp>();
        services.AddSingleton<IWarmUpStep, CatalogueWarmUp>();
        services.AddSingleton<IWarmUpStep, BearerWarmUp>();
        services.AddSingleton<IWarmUpStep, StepWarmUp>();
        services.AddSingleton<IWarmUpStep, ReceptionWarmUp>();
        services.AddHostedService<WarmUpService>();
        services.AddHealthChecks().AddCheck<WarmUpHealthCheck>("warm-up", tags: [Worker.Hosting.HealthEndpoints.ReadyTag]);
    }

    /// <summary>Every FluentValidation validator of this assembly, as <c>IValidator&lt;T&gt;</c>.</summary>
    private static void AddValidators(IServiceCollection services)
    {
        foreach (var type in typeof(ApiServices).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true }))
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.AddSingleton(contract, type);
    }
}
