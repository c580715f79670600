using System.Globalization;
using Api.Accounts;
using Api.Admin;
using Api.Attachments;
using Api.Audit;
using Api.Citizens;
using Api.Statistics;
using Api.Dossiers;
using Api.Endpoints;
using Api.Messages;
using Api.Problems;
using Api.Public;
using Api.Ui;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Serilog.Context;
using Worker.Hosting;

namespace Api.Hosting;

/// <summary>Middleware and endpoints of the API host.</summary>
public static class ApiPipeline
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN"), English = CultureInfo.GetCultureInfo("en");

    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        // First: everything after it (rate limits, HSTS, Secure cookies, logs, the audit) sees the client's address and scheme.
        app.UseForwardedHeaders();
        // The request line is logged outside the error handling, so it carries the status the client got (a 400 for an
        // unreadable body, not the 500 of the exception on its way out); real failures are logged by the handler.
        app.UseRequestLogging();
        // Errors and empty error responses become RFC 9457 problem+json, without exception details.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(CleanRequestText.Middleware);
        app.UseSecurityHeaders();
        app.UseWebUiCulture();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<SessionCheck>();
        app.Use(LogContext);
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("ISO điện tử — API"));
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapSystemEndpoints();

        SignInEndpoints.Map(app);
        MeEndpoints.Map(app);
        CitizenAccountEndpoints.Map(app);
        PublicEndpoints.Map(app);
        VerificationEndpoints.Map(app);
        TrackedResultEndpoints.Map(app);
        var dossiers = app.MapGroup("/api/v1/dossiers").WithTags("Dossiers").RequireAuthorization(Policies.Official);
        ReceptionEndpoints.Map(dossiers);
        SupplementEndpoints.Map(dossiers);
        ProcessingEndpoints.Map(dossiers);
        DirectionEndpoints.Map(app, dossiers);
        DecisionEndpoints.Map(dossiers);
        StepActionEndpoints.Map(dossiers);
        ClosingEndpoints.Map(dossiers);
        DossierReadEndpoints.Map(dossiers);
        InboxEndpoints.Map(app);
        AttachmentEndpoints.Map(app, app.Services.GetRequiredService<IOptions<FileSettings>>().Value.MaxBytes);
        dossiers.MapGet("/{id:guid}/citizen-supplements", (Guid id, HttpContext http, DossierAccess access, Procedures.Citizens.SubmitSupplementHandler h) =>
                CitizenSupplementsAsync(id, http, access, h))
            .Audited("dossier.citizen-supplements.read", "dossier").WithName("CitizenSupplements").WithSummary("Hồ sơ bổ sung công dân đã nộp trực tuyến").ProducesProblem(404);

        var citizen = app.MapGroup("/api/v1/citizen").WithTags("Citizen").RequireAuthorization(Policies.Citizen);
        CitizenDossierEndpoints.Map(citizen);
        CitizenVoiceEndpoints.MapForCitizens(citizen);
        CitizenVoiceEndpoints.MapForOfficials(app);
        IntegrationEndpoints.Map(app);

        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Policies.Administrator);
        OrganisationAdminEndpoints.Map(admin);
        ResponsibilityAdminEndpoints.Map(admin);
        CatalogueAdminEndpoints.Map(admin);
        // ISO officers design workflows without administering a unit: the definitions ask their own policy (WorkflowDesigner).
        DefinitionAdminEndpoints.Map(app.MapGroup("/api/v1/admin"));
        CalendarAdminEndpoints.Map(admin);
        DossierRulesEndpoints.Map(admin);
        MessagingAdminEndpoints.Map(admin);
        IncidentAdminEndpoints.Map(admin);
        OutboxAdminEndpoints.Map(admin);
        SlaAdminEndpoints.Map(admin);
        WorkflowRepairEndpoints.Map(admin);
        MigrationAdminEndpoints.Map(admin);
        SigningCertificateEndpoints.Map(admin);
        MessageEndpoints.Map(app);
        AuditEndpoints.Map(app);
        StatisticsEndpoints.Map(app);
        ReportEndpoints.Map(app);
        QualityEndpoints.Map(app);
        app.MapWebUi();
        return app;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<IReadOnlyList<Procedures.Citizens.SupplementSubmissionView>>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>>
        CitizenSupplementsAsync(Guid id, HttpContext http, DossierAccess access, Procedures.Citizens.SubmitSupplementHandler handler) =>
        await access.OfficialSeesAsync(CurrentUser.Of(http).Name, id, http.RequestAborted)
            ? TypedResults.Ok(await handler.ForDossierAsync(id, http.RequestAborted)) : Problem.NotFound(http);

    /// <summary>Culture for validation texts, and the account id (never a name or contact) on every log line of the request.</summary>
    private static async Task LogContext(HttpContext http, Func<Task> next)
    {
        // API texts follow Accept-Language; the web UI's follow its culture cookie (set by UseWebUiCulture), and so do the problem texts it shows.
        if (http.Request.Path.StartsWithSegments("/api")) CultureInfo.CurrentUICulture = Language.IsEnglish(http) ? English : Vietnamese;
        else http.Items[typeof(Language)] = UiServices.IsEnglish;
        var user = CurrentUser.From(http.User);
        using (Serilog.Context.LogContext.PushProperty("UserId", user?.AccountId?.ToString() ?? user?.Name))
        using (Serilog.Context.LogContext.PushProperty("AccountKind", user?.Kind))
            await next();
    }
}
