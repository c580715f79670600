using Api.Accounts;
using Microsoft.AspNetCore.Identity;
using Procedures.Organisation;

namespace Api.Admin;

/// <summary>
/// The sign-in account that goes with an official, shared by the admin endpoints and the administration pages: the account a new
/// official gets, the checks it must pass before the official is created, and the lock that follows a deactivation.
/// </summary>
public sealed class OfficialAccounts(UserManager<Account> users, IPasswordValidator<Account> passwords, TimeProvider clock, SessionRevocations sessions)
{
    public Account NewAccount(string userName, string fullName, string? email) =>
        new() { Id = Guid.CreateVersion7(), UserName = userName.Trim(), Kind = AccountKind.Official, FullName = fullName.Trim(), Email = email, CreatedAt = clock.GetUtcNow() };

    /// <summary>Refuses a weak initial password (field <c>initialPassword</c>); null when it is strong enough.</summary>
    public async Task<IdentityResult?> WeakPasswordAsync(Account account, string password) =>
        await passwords.ValidateAsync(users, account, password) is { Succeeded: false } weak ? weak : null;

    public async Task<bool> UserNameTakenAsync(Account account) => await users.FindByNameAsync(account.UserName!) is not null;

    public Task<IdentityResult> CreateAsync(Account account, string password) => users.CreateAsync(account, password);

    /// <summary>Every session ends (within <see cref="SessionRevocations.CacheFor"/> in the other processes); the lock and the new stamp refuse every new sign-in.</summary>
    public async Task LockAsync(OfficialView official)
    {
        if (await users.FindByNameAsync(official.UserName) is not { } account) return;
        await users.SetLockoutEnabledAsync(account, true);
        await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(account);
        await sessions.RevokeAllAsync(account.Id, "deactivated");
    }
}
