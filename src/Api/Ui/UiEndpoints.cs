using Api.Audit;
using Api.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Procedures.Documents;

namespace Api.Ui;

/// <summary>The few plain HTTP endpoints the pages link to: language switch, sign-out and the printed forms of a dossier.</summary>
public static class UiEndpoints
{
    public static void Map(WebApplication app)
    {
        var ui = app.MapGroup("/ui").ExcludeFromDescription();
        // Both change state (a cookie), so both are form posts carrying the antiforgery token.
        ui.MapPost("/ngon-ngu/{culture}", async (string culture, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var chosen = culture == "en" ? "en" : "vi-VN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(LocalPath.OrElse(form["r"].ToString()));
        }).RequireFormToken();
        ui.MapPost("/dang-xuat", async (HttpContext http, SessionRevocations sessions) =>
        {
            await sessions.RevokeAsync(http.User, "sign-out", http.RequestAborted);
            await http.SignOutAsync(AuthSetup.Cookie);
            return Results.LocalRedirect("/");
        }).RequireFormToken().Audited("auth.sign-out", "account");
        ui.MapGet("/ho-so/{id:guid}/mau/{form}", FormAsync).RequireAuthorization(Policies.Official).Audited("dossier.form.read");
    }

    private static async Task<IResult> FormAsync(Guid id, string form, HttpContext http, DossierDocuments documents)
    {
        var actor = CurrentUser.Of(http).Name;
        var ct = http.RequestAborted;
        Func<Task<Procedures.Common.DomainResult<GeneratedDocument>>>? produce = form switch
        {
            "01" => () => documents.ReceiptAsync(id, actor, ct, RequestBase(http)),
            "02" => () => documents.SupplementRequestAsync(id, actor, ct),
            "03" => () => documents.RefusalAsync(id, actor, ct),
            "04" => () => documents.ApologyAsync(id, actor, ct),
            "05" => () => documents.ProcessControlAsync(id, actor, ct),
            _ => null,
        };
        if (produce is null) return Results.NotFound();
        var result = await produce();
        if (result.Error is { } error) return Problems.Problem.From(http, error);
        var pdf = result.Value!;
        // Inline, so the page can open the print dialog on it (print.js) or show it in a tab; ?tai-ve=1 downloads it.
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue(http.Request.Query.ContainsKey("tai-ve") ? "attachment" : "inline");
        disposition.SetHttpFileName(pdf.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.File(pdf.Content, pdf.ContentType);
    }

    /// <summary>The address the browser used for this site (forwarded headers applied), for links printed on the forms.</summary>
    public static Uri RequestBase(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    /// <summary>A dossier's printed form (<c>/ui/ho-so/{id}/mau/{form}</c>), which the dossier page may frame to print it.</summary>
    public static bool IsPrintedForm(PathString path) =>
        path.StartsWithSegments("/ui/ho-so", out var rest) && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, "mau", _];
}
