using Api.Admin;
using Api.Problems;
using Microsoft.AspNetCore.Identity;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui.Admin;

/// <summary>The officials page's work: the use cases of src/Procedures plus the sign-in account steps the admin endpoints take with them.</summary>
public static class AdminOfficials
{
    /// <summary>An official the actor manages (the rule of the official use cases: an admin of every unit they belong to today).</summary>
    public static async Task<DomainResult<OfficialView>> DetailAsync(IServiceProvider sp, Actor actor, Guid officialId, CancellationToken ct = default)
    {
        var db = sp.GetRequiredService<ProceduresDb>();
        var managed = await OfficialAccess.ManagedAsync(db, actor, officialId, sp.GetRequiredService<TimeProvider>().Today(), ct);
        if (managed.Error is { } denied) return denied;
        return await OfficialView.LoadAsync(db, officialId, ct);
    }

    /// <summary>Creates the official and their account, in the order of the endpoint: account checks, the use case, then the account.</summary>
    public static async Task<DomainResult<OfficialView>> CreateAsync(IServiceProvider sp, Actor actor, CreateOfficialRequest r, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(r.InitialPassword))
            return DomainError.Invalid("initialPassword", "required", "Thiếu mật khẩu ban đầu.", "The initial password is required.");
        var accounts = sp.GetRequiredService<OfficialAccounts>();
        var account = accounts.NewAccount(r.UserName, r.FullName, r.Email);
        if (await accounts.WeakPasswordAsync(account, r.InitialPassword) is { } weak) return Refusal(weak, "initialPassword");
        if (await accounts.UserNameTakenAsync(account))
            return DomainError.Invalid("userName", "user-name-taken", "Tên đăng nhập đã được dùng.", "The user name is taken.");
        var created = await sp.GetRequiredService<CreateOfficialHandler>().HandleAsync(actor,
            new CreateOfficial(r.UserName, r.FullName, r.UnitId, r.Roles, r.Position, r.Email, r.Phone, r.EffectiveFrom), ct);
        if (!created.Succeeded) return created;
        var made = await accounts.CreateAsync(account, r.InitialPassword);
        return made.Succeeded ? created : Refusal(made, "userName");
    }

    /// <summary>Deactivates the official and locks their account, as the endpoint does.</summary>
    public static async Task<DomainResult<OfficialView>> DeactivateAsync(IServiceProvider sp, Actor actor, Guid officialId, CancellationToken ct = default)
    {
        var result = await sp.GetRequiredService<DeactivateOfficialHandler>().HandleAsync(actor, new DeactivateOfficial(officialId), ct);
        if (result.Value is { } done) await sp.GetRequiredService<OfficialAccounts>().LockAsync(done);
        return result;
    }

    private static DomainError Refusal(IdentityResult result, string field)
    {
        var first = result.Errors.First();
        return DomainError.Invalid(first.Code.StartsWith("Password", StringComparison.Ordinal) ? "initialPassword" : field, "invalid-account",
            string.Join(" ", result.Errors.Select(IdentityTexts.Vietnamese)), string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
