using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Procedures.Organisation;

namespace Api.Accounts;

/// <summary>
/// Checks a user name, password and (when enabled) TOTP code: lockout after 5 failures for 15 minutes; an unknown
/// name answers exactly like a wrong password; a citizen must have verified the contact; an official must be active.
/// </summary>
public sealed class CredentialCheck(UserManager<Account> users, SignInManager<Account> signIn, OfficialDirectory officials)
{
    public async Task<(Account? Account, ProblemHttpResult? Problem)> CheckAsync(HttpContext http, string? login, string? password, string? totpCode)
    {
        var account = await users.FindByNameAsync(Logins.Normalise(login));
        if (account is null)
        {
            // The same work as for a real account, so response times do not reveal which names exist.
            users.PasswordHasher.VerifyHashedPassword(new Account(), DummyHash, password ?? "");
            return (null, Invalid(http));
        }
        var result = await signIn.CheckPasswordSignInAsync(account, password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut) return (null, LockedOut(http));
        if (!result.Succeeded) return (null, Invalid(http));
        if (account.Kind == AccountKind.Citizen && !account.EmailConfirmed && !account.PhoneNumberConfirmed)
            return (null, Problem.Make(http, 403, "not-verified", Language.Pick(http,
                "Tài khoản chưa được xác thực; hãy nhập mã đã gửi tới thư điện tử hoặc điện thoại của bạn.",
                "The account is not verified yet; enter the code sent to your e-mail or phone.")));
        if (account.Kind == AccountKind.Official && await officials.FindAsync(account.UserName!, http.RequestAborted) is null)
            return (null, Invalid(http));
        if (account.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(totpCode))
                return (null, Problem.Make(http, 401, "two-factor-required", Language.Pick(http,
                    "Tài khoản bật xác thực hai lớp: nhập mã từ ứng dụng xác thực (totpCode).", "Two-factor authentication is on: send the authenticator code (totpCode)."), "totpCode"));
            if (!await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, totpCode.Replace(" ", "")))
            {
                await users.AccessFailedAsync(account);
                return (null, await users.IsLockedOutAsync(account) ? LockedOut(http) : Problem.Make(http, 401, "invalid-totp",
                    Language.Pick(http, "Mã xác thực hai lớp không đúng.", "The two-factor code is wrong."), "totpCode"));
            }
        }
        return (account, null);
    }

    private static ProblemHttpResult Invalid(HttpContext http) => Failed(http, "invalid-credentials",
        Language.Pick(http, "Tên đăng nhập hoặc mật khẩu không đúng.", "The user name or password is wrong."));

    private static ProblemHttpResult LockedOut(HttpContext http) => Failed(http, "locked-out", Language.Pick(http,
        "Tài khoản tạm khóa do nhập sai nhiều lần; vui lòng thử lại sau 15 phút.", "The account is locked after repeated failures; try again in 15 minutes."));

    private static ProblemHttpResult Failed(HttpContext http, string code, string detail)
    {
        Hosting.Telemetry.SignInFailures.Add(1, new KeyValuePair<string, object?>("reason", code));
        return Problem.Make(http, 401, code, detail);
    }

    private static readonly string DummyHash = new PasswordHasher<Account>().HashPassword(new Account(), "not-a-real-password-1A!");
}
