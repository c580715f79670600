using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Accounts;

/// <summary>Who signs in: an official (user name = the official's user name) or a citizen (e-mail or phone).</summary>
public enum AccountKind { Official, Citizen }

/// <summary>A sign-in account. Roles and units are not stored here: they come from the organisation, effective-dated, at each request.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }
    /// <summary>Display name of a citizen (officials' names live in the organisation).</summary>
    public string FullName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>Another system (the national portal, a ministry's system) that calls the API with client credentials.</summary>
public sealed class ApiClient
{
    public string ClientId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>PBKDF2 hash of the secret (ASP.NET Core Identity's password hasher); the secret itself is never stored.</summary>
    public string SecretHash { get; set; } = "";
    /// <summary>What the client may do, e.g. <c>catalogue.read</c>, <c>dossiers.status</c>.</summary>
    public List<string> Scopes { get; set; } = [];
    /// <summary>The unit subtree whose dossiers the client may see; null for the whole system.</summary>
    public Guid? UnitId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FullName).HasMaxLength(200);
    }
}

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.ToTable("clients");
        b.HasKey(x => x.ClientId);
        b.Property(x => x.ClientId).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.SecretHash).HasMaxLength(500);
        b.Property(x => x.Scopes).HasColumnType("text[]");
    }
}
