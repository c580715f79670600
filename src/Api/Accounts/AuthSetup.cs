using Api.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Api.Accounts;

/// <summary>
/// Cookies for the web UI, bearer tokens for API clients and other systems; a policy scheme picks the bearer
/// handler when an <c>Authorization: Bearer</c> header is present. Accounts are ASP.NET Core Identity users in
/// <see cref="ApiDb"/>, with the password policy, lockout and TOTP tokens Identity provides.
/// </summary>
public static class AuthSetup
{
    public const string Smart = "iso";
    public const string Cookie = "iso.cookie";
    public const string Bearer = "iso.bearer";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(14);

    public static IServiceCollection AddIsoAuthentication(this IServiceCollection services)
    {
        services.AddDbContextPool<ApiDb>((sp, o) => ((DbContextOptionsBuilder<ApiDb>)o).UseApiNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                // Short numeric codes a citizen can type from an SMS or an e-mail.
                o.Tokens.EmailConfirmationTokenProvider = TokenOptions.DefaultEmailProvider;
                o.Tokens.ChangePhoneNumberTokenProvider = TokenOptions.DefaultPhoneProvider;
                o.Tokens.PasswordResetTokenProvider = TokenOptions.DefaultEmailProvider;
            })
            .AddEntityFrameworkStores<ApiDb>()
            .AddDefaultTokenProviders()
            .AddSignInManager();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultChallengeScheme = Smart;
            })
            .AddPolicyScheme(Smart, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Bearer : Cookie)
            .AddCookie(Cookie, o =>
            {
                o.Cookie.Name = "iso.auth";
                o.Cookie.HttpOnly = true;
                // Strict: a cross-site request never carries the cookie, which is what protects the JSON and upload endpoints from CSRF.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // An API answers 401/403, never a redirect to a login page; the web UI's pages send the browser to the sign-in page.
                o.LoginPath = "/dang-nhap";
                o.Events.OnRedirectToLogin = c =>
                {
                    if (IsPage(c.Request)) c.Response.Redirect(c.RedirectUri);
                    else c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = async c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    // A page opened by its address (a bookmark, a typed URL) says why, instead of a blank screen.
                    if (IsPage(c.Request)) { c.Response.ContentType = "text/html; charset=utf-8"; await c.Response.WriteAsync(ForbiddenPage); }
                };
            })
            .AddBearerToken(Bearer, o =>
            {
                o.BearerTokenExpiration = AccessTokenLifetime;
                o.RefreshTokenExpiration = RefreshTokenLifetime;
            });
        services.AddScoped<IAuthorizationHandler, AdministratorHandler>();
        services.AddScoped<IAuthorizationHandler, WorkflowDesignerHandler>();
        services.AddAuthorizationBuilder().AddIsoPolicies();
        services.AddScoped<TokenIssuer>();
        services.AddMemoryCache();
        services.AddSingleton<SessionRevocations>();
        return services;
    }

    /// <summary>A browser asking for a page of the web UI, not an API client.</summary>
    private const string ForbiddenPage = """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Không có quyền truy cập — ISO điện tử</title></head>
        <body style="font-family:Roboto,Arial,sans-serif;max-width:560px;margin:4rem auto;padding:0 1rem;color:#212121">
        <h1 style="font-size:1.5rem">Bạn không có quyền xem trang này</h1>
        <p data-testid="forbidden">Trang này dành cho vai trò khác với vai trò của tài khoản đang đăng nhập. Nếu bạn cần dùng trang này, hãy liên hệ quản trị đơn vị.</p>
        <p lang="en">You may not open this page: it is for another role than your account's. Ask your unit's administrator if you need it.</p>
        <p><a href="/can-bo/hop-thu">Về hộp thư công việc</a> · <a href="/">Trang chủ</a></p>
        </body></html>
        """;

    private static bool IsPage(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api") && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
