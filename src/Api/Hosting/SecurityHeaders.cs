namespace Api.Hosting;

/// <summary>
/// Response headers that tell the browser what a page may do. Pages: scripts only from this site (Blazor's and MudBlazor's
/// files, no inline script), styles also inline (MudBlazor writes its theme and component styles inline), never framed.
/// API answers hold personal data: never cached, framed or sniffed into something executable. HSTS only over HTTPS
/// (directly or, behind a known proxy, as forwarded), where the browser honours it.
/// </summary>
public static class SecurityHeaders
{
    private const string Api = "api", Reference = "reference";

    public static IServiceCollection AddIsoSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(Pages())
            .AddPolicy(Api, ApiAnswers())
            .AddPolicy(Reference, Common().AddContentSecurityPolicy(csp =>
            {
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
            }))
            .SetPolicySelector(c => c.HttpContext.Request.Path switch
            {
                var p when p.StartsWithSegments("/api") => c.ConfiguredPolicies[Api],
                // Scalar's page starts itself with an inline script whose text follows its configuration: no script-src there yet.
                var p when p.StartsWithSegments("/scalar") => c.ConfiguredPolicies[Reference],
                _ => c.SelectedPolicy,
            }));

    private static HeaderPolicyCollection Common() => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
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

    private static HeaderPolicyCollection ApiAnswers() => Common()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddFrameAncestors().None();
        })
        .AddCustomHeader("Cache-Control", "no-store");
}
