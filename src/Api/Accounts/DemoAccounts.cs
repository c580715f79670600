using Api.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Api.Accounts;

/// <summary>
/// The accounts of the embedded demo (seeded with the sample province): one per sample official (user name =
/// the official's user name), two citizens, and one API client for the national portal, all with
/// <see cref="Password"/>. Never seeded against a configured database unless asked (<c>Accounts:SeedDemo</c>).
/// </summary>
public static class DemoAccounts
{
    public const string Password = "IsoDemo@2025";
    public const string CitizenA = "an.nguyen@demo.example";
    public const string CitizenAPhone = "0901000001";
    public const string CitizenB = "0901000002";
    public const string PortalClientId = "national-portal";
    public const string PortalClientSecret = "demo-portal-secret-2025";

    public static async Task<int> SeedAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<Account>>();
        var procedures = services.GetRequiredService<ProceduresDb>();
        var db = services.GetRequiredService<ApiDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        var existing = (await db.Users.AsNoTracking().Select(u => u.NormalizedUserName).ToListAsync(ct)).ToHashSet();
        var created = 0;
        var officials = await procedures.Officials.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.UserName).ToListAsync(ct);
        foreach (var official in officials.Where(o => !existing.Contains(users.NormalizeName(o.UserName))))
        {
            await CreateAsync(users, new Account
            {
                Id = Guid.CreateVersion7(), UserName = official.UserName, Kind = AccountKind.Official, FullName = official.FullName,
                Email = official.Email, CreatedAt = clock.GetUtcNow(),
            });
            created++;
        }
        foreach (var (login, name, email) in new[] { (CitizenA, "Nguyễn Văn An", true), (CitizenB, "Trần Thị Bình", false) })
            if (!existing.Contains(users.NormalizeName(login)))
            {
                await CreateAsync(users, new Account
                {
                    Id = Guid.CreateVersion7(), UserName = login, Kind = AccountKind.Citizen, FullName = name, CreatedAt = clock.GetUtcNow(),
                    Email = email ? login : null, EmailConfirmed = email, PhoneNumber = email ? CitizenAPhone : login, PhoneNumberConfirmed = !email,
                });
                created++;
            }
        if (!await db.Clients.AnyAsync(c => c.ClientId == PortalClientId, ct))
        {
            var client = new ApiClient
            {
                ClientId = PortalClientId, Name = "Cổng Dịch vụ công quốc gia (demo)", Scopes = [Policies.ScopeDossierStatus, Policies.ScopeCatalogue],
                CreatedAt = clock.GetUtcNow(),
            };
            client.SecretHash = new PasswordHasher<ApiClient>().HashPassword(client, PortalClientSecret);
            db.Clients.Add(client);
            await db.SaveChangesAsync(ct);
        }
        if (created > 0) logger.LogInformation("Demo accounts created: {Count} (password in the README)", created);
        return created;
    }

    private static async Task CreateAsync(UserManager<Account> users, Account account)
    {
        var result = await users.CreateAsync(account, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Cannot create the demo account {account.UserName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
