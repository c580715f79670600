using Api.Accounts;
using Api.Attachments;
using Api.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Api.Persistence;

/// <summary>
/// The API's own tables in schema <c>accounts</c>: sign-in accounts (ASP.NET Core Identity), API clients of other
/// systems, the audit trail and the attachments' metadata (their bytes live in the file store).
/// </summary>
public sealed class ApiDb(DbContextOptions<ApiDb> options) : IdentityDbContext<Account, IdentityRole<Guid>, Guid>(options)
{
    public const string Schema = "accounts";

    public DbSet<ApiClient> Clients => Set<ApiClient>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.ApplyConfigurationsFromAssembly(typeof(ApiDb).Assembly);
    }
}

public static class ApiDbOptions
{
    public static DbContextOptionsBuilder<ApiDb> UseApiNpgsql(this DbContextOptionsBuilder<ApiDb> builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, o => o.MigrationsHistoryTable("__migrations", ApiDb.Schema)).UseSnakeCaseNamingConvention();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class ApiDbDesignTimeFactory : IDesignTimeDbContextFactory<ApiDb>
{
    public ApiDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ApiDb>()
        .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__migrations", ApiDb.Schema)).UseSnakeCaseNamingConvention().Options);
}
