using Microsoft.AspNetCore.Identity;

namespace Api.Accounts;

/// <summary>Why a registration or a verification was refused: the field, a code, both languages, and the identity errors if any.</summary>
public sealed record RegistrationRefusal(int Status, string Code, string Field, string Vi, string En, IdentityResult? Identity = null);

/// <summary>
/// A registration taken in, whether the login was new or already registered: where the message went, and for the audit
/// trail only (never in an answer) the account concerned, new or existing.
/// </summary>
public sealed record RegistrationAccepted(string Login, VerificationChannel Channel, Guid AccountId);

/// <summary>
/// Citizen registration and contact verification, shared by <c>/api/v1/citizen/account</c> and the portal's register page: the
/// login is an e-mail address or a Vietnamese mobile number, and a one-time code goes there through <see cref="IVerificationSender"/>.
/// A login already registered gets the same answer as a new one, so registration does not tell who has an account; its owner
/// is told instead that someone tried to register with it.
/// </summary>
public sealed class CitizenRegistration(UserManager<Account> users, IVerificationSender sender, TimeProvider clock)
{
    public const string VerifyPurpose = "verify-contact";
    public const string RegistrationAttemptPurpose = "registration-attempt";

    public async Task<(RegistrationAccepted? Accepted, RegistrationRefusal? Refusal)> RegisterAsync(string fullName, string login, string password, CancellationToken ct)
    {
        login = Logins.Normalise(login);
        var email = Logins.IsEmail(login);
        if (!email && !Logins.IsPhone(login))
            return (null, new RegistrationRefusal(400, "bad-login", "login", "Nhập thư điện tử hoặc số điện thoại di động Việt Nam.",
                "Enter an e-mail address or a Vietnamese mobile number."));
        var channel = email ? VerificationChannel.Email : VerificationChannel.Sms;
        var account = new Account
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UserName = login, Kind = AccountKind.Citizen, FullName = fullName.Trim(),
            Email = email ? login : null, PhoneNumber = email ? null : login, CreatedAt = clock.GetUtcNow(),
        };
        if (await users.FindByNameAsync(login) is { } owner)
        {
            // The same work as a new account (the password is checked and hashed), so the answer's timing does not tell either.
            foreach (var validator in users.PasswordValidators)
                if (await validator.ValidateAsync(users, account, password) is { Succeeded: false } weak) return (null, new RegistrationRefusal(400, "invalid-account", "login", "", "", weak));
            _ = users.PasswordHasher.HashPassword(account, password);
            await TellOwnerAsync(owner, ct);
            return (new RegistrationAccepted(login, channel, owner.Id), null);
        }
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            // Registered by a concurrent request between the look-up and the insert: the same as taken.
            if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)) && await users.FindByNameAsync(login) is { } raced)
            {
                await TellOwnerAsync(raced, ct);
                return (new RegistrationAccepted(login, channel, raced.Id), null);
            }
            return (null, new RegistrationRefusal(400, "invalid-account", "login", "", "", created));
        }
        await SendCodeAsync(account, VerifyPurpose, ct);
        return (new RegistrationAccepted(login, channel, account.Id), null);
    }

    /// <summary>The owner of a login learns that someone tried to register with it (no code: nothing to act on but a warning).</summary>
    private Task TellOwnerAsync(Account owner, CancellationToken ct) =>
        sender.SendAsync(new VerificationMessage(owner.Email is not null ? VerificationChannel.Email : VerificationChannel.Sms,
            owner.UserName!, "", RegistrationAttemptPurpose), ct);

    /// <summary>Confirms the e-mail or phone with the code sent there; the same refusal for an unknown login and a wrong code.</summary>
    public async Task<RegistrationRefusal?> VerifyAsync(string login, string code)
    {
        var account = await users.FindByNameAsync(Logins.Normalise(login));
        if (account is null || account.Kind != AccountKind.Citizen || await users.IsLockedOutAsync(account)
            || !await users.VerifyUserTokenAsync(account, Provider(account), VerifyPurpose, code.Trim()))
        {
            if (account is not null) await users.AccessFailedAsync(account);
            return new RegistrationRefusal(400, "invalid-code", "code", "Mã xác thực không đúng hoặc đã hết hạn.", "The code is wrong or has expired.");
        }
        if (account.Email is not null) account.EmailConfirmed = true;
        else account.PhoneNumberConfirmed = true;
        await users.UpdateAsync(account);
        await users.ResetAccessFailedCountAsync(account);
        return null;
    }

    /// <summary>Sends a fresh verification code to an account not verified yet; silent otherwise, so logins are not revealed.</summary>
    public async Task ResendAsync(string login, CancellationToken ct)
    {
        var account = await users.FindByNameAsync(Logins.Normalise(login));
        if (account is { Kind: AccountKind.Citizen, EmailConfirmed: false, PhoneNumberConfirmed: false })
            await SendCodeAsync(account, VerifyPurpose, ct);
    }

    public static string Provider(Account account) => account.Email is not null ? TokenOptions.DefaultEmailProvider : TokenOptions.DefaultPhoneProvider;

    public async Task SendCodeAsync(Account account, string purpose, CancellationToken ct)
    {
        var code = await users.GenerateUserTokenAsync(account, Provider(account), purpose);
        await sender.SendAsync(new VerificationMessage(account.Email is not null ? VerificationChannel.Email : VerificationChannel.Sms,
            account.UserName!, code, purpose), ct);
    }
}
