using Api.Problems;
using Microsoft.AspNetCore.Antiforgery;

namespace Api.Ui;

/// <summary>
/// The antiforgery token on the UI's plain form posts. The antiforgery middleware only records its verdict; endpoints
/// that bind no form (sign-out, the language switch) would run anyway, so this filter refuses them when it is not valid.
/// </summary>
public static class FormToken
{
    public static RouteHandlerBuilder RequireFormToken(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            return http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                ? await next(context)
                : Problem.Make(http, 400, "antiforgery",
                    Language.Pick(http, "Biểu mẫu đã hết hạn; vui lòng tải lại trang và thử lại.", "The form has expired; reload the page and try again."));
        });
}
