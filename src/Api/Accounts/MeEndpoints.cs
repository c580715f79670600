using Microsoft.AspNetCore.Authentication;
using Api.Audit;
using Api.Problems;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Procedures.Organisation;

namespace Api.Accounts;

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

/// <summary>The authenticator key to add to an app (otpauth URI for a QR code) and whether TOTP is on.</summary>
public sealed record TwoFactorSetup(bool Enabled, string SharedKey, string AuthenticatorUri);

public sealed record TotpCodeRequest(string Code);

public static class MeEndpoints
{
    public static void Map(WebApplication app)
    {
        var me = app.MapGroup("/api/v1/me").WithTags("Account").RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(IsoClaims.Kind, "Official", "Citizen"));
        me.MapGet("/", GetAsync).WithName("Me").WithSummary("Tài khoản đang đăng nhập");
        me.MapPost("/password", ChangePasswordAsync).Validates<ChangePasswordRequest>().Audited("account.change-password", "account")
            .WithName("ChangePassword").WithSummary("Đổi mật khẩu").ProducesProblem(400);
        var totp = me.MapGroup("/two-factor").RequireAuthorization(Policies.Official);
        totp.MapGet("/", SetupAsync).WithName("TwoFactorSetup").WithSummary("Thiết lập xác thực hai lớp (TOTP) cho cán bộ")
            .WithDescription("Returns the authenticator key (created on first call) and the otpauth:// URI to show as a QR code.");
        totp.MapPost("/enable", EnableAsync).Validates<TotpCodeRequest>().Audited("account.two-factor.enable", "account")
            .WithName("EnableTwoFactor").WithSummary("Bật xác thực hai lớp").ProducesProblem(400);
        totp.MapPost("/disable", DisableAsync).Validates<TotpCodeRequest>().Audited("account.two-factor.disable", "account")
            .WithName("DisableTwoFactor").WithSummary("Tắt xác thực hai lớp").ProducesProblem(400);
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetAsync(HttpContext http, UserManager<Account> users, OfficialDirectory officials)
    {
        var account = await FindAsync(http, users);
        if (account is null) return Problem.Make(http, 401, "unauthorized", Titles.Detail(http, 401));
        var actor = account.Kind == AccountKind.Official ? await officials.FindAsync(account.UserName!, http.RequestAborted) : null;
        return TypedResults.Ok(new MeResponse(account.Id, account.UserName!, account.Kind.ToString(), actor?.FullName ?? account.FullName, account.TwoFactorEnabled,
            actor?.Memberships.Select(m => new MeUnit(m.UnitId, m.UnitCode, m.Roles, m.ActsForUnitId)).ToList()));
    }

    /// <summary>
    /// Every session of the account ends, on every device, tokens included: whoever had the old password is out. A browser
    /// that changed it gets a new session at once; an API client asks for a new token.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(ChangePasswordRequest request, HttpContext http, UserManager<Account> users,
        SessionRevocations sessions, TimeProvider clock)
    {
        var account = await FindAsync(http, users);
        if (account is null) return Problem.Make(http, 401, "unauthorized", Titles.Detail(http, 401));
        var result = await users.ChangePasswordAsync(account, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded) return Problem.FromIdentity(http, result, "currentPassword");
        var revokedAt = await sessions.RevokeAllAsync(account.Id, "password-changed", http.RequestAborted);
        if (http.User.Identity?.AuthenticationType == AuthSetup.Cookie)
            await http.SignInAsync(AuthSetup.Cookie, SignInEndpoints.Principal(AuthSetup.Cookie, account, (Guid.NewGuid(), Later(revokedAt, clock))));
        return TypedResults.NoContent();
    }

    /// <summary>The new session begins after the revocation, even on a clock that has not moved since.</summary>
    private static DateTimeOffset Later(DateTimeOffset revokedAt, TimeProvider clock) =>
        clock.GetUtcNow() is var now && now > revokedAt.AddMilliseconds(1) ? now : revokedAt.AddMilliseconds(1);

    private static async Task<Results<Ok<TwoFactorSetup>, ProblemHttpResult>> SetupAsync(HttpContext http, UserManager<Account> users)
    {
        var account = await FindAsync(http, users);
        if (account is null) return Problem.Make(http, 401, "unauthorized", Titles.Detail(http, 401));
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString("ISO điện tử")}:{Uri.EscapeDataString(account.UserName!)}?secret={key}&issuer={Uri.EscapeDataString("ISO điện tử")}&digits=6";
        return TypedResults.Ok(new TwoFactorSetup(account.TwoFactorEnabled, key!, uri));
    }

    private static async Task<Results<Ok<TwoFactorSetup>, ProblemHttpResult>> EnableAsync(TotpCodeRequest request, HttpContext http, UserManager<Account> users)
    {
        var account = await FindAsync(http, users);
        if (account is null) return Problem.Make(http, 401, "unauthorized", Titles.Detail(http, 401));
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, request.Code.Replace(" ", "")))
            return Problem.Invalid(http, "code", "invalid-totp", "Mã xác thực không đúng.", "The code is wrong.");
        await users.SetTwoFactorEnabledAsync(account, true);
        return await SetupAsync(http, users);
    }

    private static async Task<Results<Ok<TwoFactorSetup>, ProblemHttpResult>> DisableAsync(TotpCodeRequest request, HttpContext http, UserManager<Account> users)
    {
        var account = await FindAsync(http, users);
        if (account is null) return Problem.Make(http, 401, "unauthorized", Titles.Detail(http, 401));
        if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, request.Code.Replace(" ", "")))
            return Problem.Invalid(http, "code", "invalid-totp", "Mã xác thực không đúng.", "The code is wrong.");
        await users.SetTwoFactorEnabledAsync(account, false);
        return await SetupAsync(http, users);
    }

    private static async Task<Account?> FindAsync(HttpContext http, UserManager<Account> users) =>
        CurrentUser.From(http.User)?.AccountId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).Required(200, "mật khẩu hiện tại", "The current password");
        RuleFor(x => x.NewPassword).Required(200, "mật khẩu mới", "The new password");
    }
}

public sealed class TotpCodeValidator : AbstractValidator<TotpCodeRequest>
{
    public TotpCodeValidator() => RuleFor(x => x.Code).Required(10, "mã xác thực", "The code");
}
