using System.Globalization;
using Api.Ui.Components;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace Api.Ui;

/// <summary>The Blazor web UI (back office and public portal) in the API host: server interactivity, MudBlazor, Vietnamese first.</summary>
public static class UiServices
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN"), English = CultureInfo.GetCultureInfo("en");

    public const int MaxCircuitMessageBytes = 128 * 1024;

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        // Package assets (MudBlazor's CSS and JS) are served from the build output as well as from a publish folder.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        // A field's whole value travels in one circuit message: the longest text a form allows (8,000 characters of Vietnamese,
        // up to 3 bytes each, escaped once more inside the event's JSON) must fit, or the circuit drops and the value is lost.
        services.AddRazorComponents().AddInteractiveServerComponents().AddHubOptions(o => o.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionRevalidation>();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, MudTexts>();
        services.AddLocalization();
        services.AddScoped<UiSession>();
        services.AddScoped<InboxReader>();
        services.AddScoped<PeopleNames>();
        services.AddSingleton<UiRateLimiter>();
        services.AddScoped<UiClient>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, UiClientCircuitHandler>();
        services.AddScoped<Admin.AdminDesk>();
        services.AddScoped<Admin.RepairPrompt>();
        return builder;
    }

    /// <summary>The UI culture comes from the culture cookie only (Vietnamese by default); API texts keep following Accept-Language.</summary>
    public static WebApplication UseWebUiCulture(this WebApplication app)
    {
        var options = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(Vietnamese), SupportedCultures = [Vietnamese, English], SupportedUICultures = [Vietnamese, English] };
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        app.UseRequestLocalization(options);
        return app;
    }

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        UiEndpoints.Map(app);
        ScanEndpoints.Map(app);
        Public.TrackedResultEndpoints.MapPage(app);
        // The page policy of SecurityHeaders already says frame-ancestors; a second policy header from Blazor would only repeat it.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
