using Api.Audit;
using Api.Hosting;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Api.Accounts;

/// <summary>A citizen registers with an e-mail address or a mobile number (the login) and a password.</summary>
public sealed record RegisterRequest(string FullName, string Login, string Password);

/// <summary>The same for a new login and one already registered: a message went to the login either way.</summary>
public sealed record RegisterResponse(string Login, VerificationChannel Channel);

public sealed record VerifyRequest(string Login, string Code);

public sealed record LoginRequest(string Login);

public sealed record ResetPasswordRequest(string Login, string Code, string NewPassword);

/// <summary>
/// Citizen accounts: registration with a one-time code sent through <see cref="IVerificationSender"/>, and
/// password reset the same way. Answers do not reveal whether a login exists, at registration either.
/// </summary>
public static class CitizenAccountEndpoints
{
    public static void Map(WebApplication app)
    {
        var accounts = app.MapGroup("/api/v1/citizen/account").WithTags("Citizen account").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        accounts.MapPost("/register", RegisterAsync).Validates<RegisterRequest>().Audited("account.register", "account")
            .WithName("RegisterCitizen").WithSummary("Đăng ký tài khoản công dân")
            .WithDescription("Login is an e-mail address or a Vietnamese mobile number; a 6-digit code is sent there to verify it. "
                + "A login already registered gets the same 202 answer, and its owner a notice instead of a code.")
            .ProducesProblem(400).ProducesProblem(429);
        accounts.MapPost("/verify", VerifyAsync).Validates<VerifyRequest>().Audited("account.verify", "account")
            .WithName("VerifyCitizen").WithSummary("Xác thực tài khoản bằng mã một lần").ProducesProblem(400).ProducesProblem(429);
        accounts.MapPost("/verification", ResendAsync).Validates<LoginRequest>().Audited("account.verification.resend", "account").WithName("ResendVerification").WithSummary("Gửi lại mã xác thực");
        accounts.MapPost("/password/forgot", ForgotAsync).Validates<LoginRequest>().Audited("account.password-forgot", "account")
            .WithName("ForgotPassword").WithSummary("Quên mật khẩu: gửi mã đặt lại");
        accounts.MapPost("/password/reset", ResetAsync).Validates<ResetPasswordRequest>().Audited("account.password-reset", "account")
            .WithName("ResetPassword").WithSummary("Đặt lại mật khẩu bằng mã").ProducesProblem(400);
    }

    private static async Task<Results<Accepted<RegisterResponse>, ProblemHttpResult>> RegisterAsync(RegisterRequest request, HttpContext http,
        CitizenRegistration registration)
    {
        var (accepted, refusal) = await registration.RegisterAsync(request.FullName, request.Login, request.Password, http.RequestAborted);
        if (refusal is not null) return Refused(http, refusal);
        http.AuditResource(accepted!.AccountId);
        return TypedResults.Accepted((string?)null, new RegisterResponse(accepted.Login, accepted.Channel));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> VerifyAsync(VerifyRequest request, HttpContext http, CitizenRegistration registration) =>
        await registration.VerifyAsync(request.Login, request.Code) is { } refusal ? Refused(http, refusal) : TypedResults.NoContent();

    private static async Task<Accepted> ResendAsync(LoginRequest request, HttpContext http, CitizenRegistration registration)
    {
        await registration.ResendAsync(request.Login, http.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    private static ProblemHttpResult Refused(HttpContext http, RegistrationRefusal refusal) => refusal switch
    {
        { Identity: { } identity } => Problem.FromIdentity(http, identity, refusal.Field),
        _ => Problem.Invalid(http, refusal.Field, refusal.Code, refusal.Vi, refusal.En),
    };

    private static async Task<Accepted> ForgotAsync(LoginRequest request, HttpContext http, UserManager<Account> users, CitizenRegistration registration)
    {
        var account = await users.FindByNameAsync(Logins.Normalise(request.Login));
        if (account is { Kind: AccountKind.Citizen })
            await registration.SendCodeAsync(account, UserManager<Account>.ResetPasswordTokenPurpose, http.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(ResetPasswordRequest request, HttpContext http, UserManager<Account> users,
        SessionRevocations sessions)
    {
        var account = await users.FindByNameAsync(Logins.Normalise(request.Login));
        if (account is null || account.Kind != AccountKind.Citizen
            || !await users.VerifyUserTokenAsync(account, CitizenRegistration.Provider(account), UserManager<Account>.ResetPasswordTokenPurpose, request.Code.Trim()))
            return Problem.Invalid(http, "code", "invalid-code", "Mã xác thực không đúng hoặc đã hết hạn.", "The code is wrong or has expired.");
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var result = await users.ResetPasswordAsync(account, token, request.NewPassword);
        if (!result.Succeeded) return Problem.FromIdentity(http, result);
        await sessions.RevokeAllAsync(account.Id, "password-reset", http.RequestAborted);
        return TypedResults.NoContent();
    }
}

public sealed class RegisterValidator : AbstractValidator<RegisterRequest>
{
    public RegisterValidator()
    {
        RuleFor(x => x.FullName).Required(200, "họ và tên", "The full name");
        RuleFor(x => x.Login).Required(200, "thư điện tử hoặc số điện thoại", "The e-mail or phone");
        RuleFor(x => x.Password).Required(200, "mật khẩu", "The password");
    }
}

public sealed class VerifyValidator : AbstractValidator<VerifyRequest>
{
    public VerifyValidator()
    {
        RuleFor(x => x.Login).Required(200, "thư điện tử hoặc số điện thoại", "The e-mail or phone");
        RuleFor(x => x.Code).Required(10, "mã xác thực", "The code");
    }
}

public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator() => RuleFor(x => x.Login).Required(200, "thư điện tử hoặc số điện thoại", "The e-mail or phone");
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.Login).Required(200, "thư điện tử hoặc số điện thoại", "The e-mail or phone");
        RuleFor(x => x.Code).Required(10, "mã xác thực", "The code");
        RuleFor(x => x.NewPassword).Required(200, "mật khẩu mới", "The new password");
    }
}
