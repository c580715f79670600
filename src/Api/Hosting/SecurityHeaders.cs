namespace Api.Hosting;

/// <summary>
/// Response headers that tell the browser what a page may do. Pages: scripts only from this site (Blazor's and MudBlazor's
/// files, no inline script), styles also inline (MudBlazor writes its theme and component styles inline), never framed.
/// API answers hold personal data: never cached, framed or sniffed into something executable. HSTS only over HTTPS
/// (directly or, behind a known proxy, as forwarded), where the browser honours it.
/// </summary>
public static class SecurityHeaders
{
    private const string Api = "api", Reference = "reference", Scans = "scans";

    public static IServiceCollection AddIsoSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(Pages())
            .AddPolicy(Api, ApiAnswers())
            .AddPolicy(Scans, ScanFiles())
            .AddPolicy(Reference, Common().AddContentSecurityPolicy(csp =>
            {
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
            }))
            .SetPolicySelector(c => c.HttpContext.Request.Path switch
            {
                var p when p.StartsWithSegments("/api") => c.ConfiguredPolicies[Api],
                // Scans and printed forms are framed by the dossier page (viewer panel, print dialog).
                var p when p.StartsWithSegments(Ui.ScanEndpoints.Prefix) || Ui.UiEndpoints.IsPrintedForm(p) => c.ConfiguredPolicies[Scans],
                // Scalar's page starts itself with an inline script whose text follows its configuration: no script-src there yet.
                var p when p.StartsWithSegments("/scalar") => c.ConfiguredPolicies[Reference],
                _ => c.SelectedPolicy,
            }));

    private static HeaderPolicyCollection Common() => Unframed(new HeaderPolicyCollection()).AddFrameOptionsDeny();

    private static HeaderPolicyCollection Unframed(HeaderPolicyCollection policy) => policy
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyNoReferrer()
        .AddStrictTransportSecurityMaxAgeIncludeSubDomains();

    private static HeaderPolicyCollection Pages() => Common()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();
            // 'self' covers the circuit's WebSocket to this same host.
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });

    /// <summary>
    /// A citizen's uploaded scan: shown in the dossier page's viewer panel, so framed by this site only; it runs nothing
    /// (no script, style or connection of its own) and is never cached. No CSP sandbox: Chromium then refuses to show a PDF.
    /// </summary>
    private static HeaderPolicyCollection ScanFiles() => Unframed(new HeaderPolicyCollection())
        .AddFrameOptionsSameOrigin()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddImgSrc().Self();
            csp.AddFrameAncestors().Self();
        })
        .AddCustomHeader("Cache-Control", "no-store");

    private static HeaderPolicyCollection ApiAnswers() => Common()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddFrameAncestors().None();
        })
        .AddCustomHeader("Cache-Control", "no-store");
}
