using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Sla;
using Worker.Templates;

namespace Worker.Notifications;

/// <summary>
/// The worker's own tables in schema <c>notifications</c>: SLA alerts raised, in-app inbox, delivery log,
/// templates, citizens' channel preferences and officials' free-text messages. Same database and data source
/// as the engine, so a consumer can write its rows and the engine's processed-message row in one transaction.
/// </summary>
public sealed class NotificationsDb(DbContextOptions<NotificationsDb> options) : DbContext(options)
{
    public const string Schema = "notifications";

    public DbSet<SlaAlert> SlaAlerts => Set<SlaAlert>();
    public DbSet<InboxItem> Inbox => Set<InboxItem>();
    public DbSet<DeliveryRecord> Deliveries => Set<DeliveryRecord>();
    public DbSet<MessageTemplate> Templates => Set<MessageTemplate>();
    public DbSet<CitizenPreferences> CitizenPreferences => Set<CitizenPreferences>();
    public DbSet<OfficialMessage> OfficialMessages => Set<OfficialMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDb).Assembly);
    }
}

public static class NotificationsDbOptions
{
    public static DbContextOptionsBuilder<NotificationsDb> UseNotificationsNpgsql(this DbContextOptionsBuilder<NotificationsDb> builder, NpgsqlDataSource dataSource) =>
        builder.UseNpgsql(dataSource, o => o.MigrationsHistoryTable("__migrations", NotificationsDb.Schema)).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<NotificationsDb> UseNotificationsNpgsql(this DbContextOptionsBuilder<NotificationsDb> builder, string connectionString) =>
        builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable("__migrations", NotificationsDb.Schema)).UseSnakeCaseNamingConvention();
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the host (which would start a database).</summary>
internal sealed class NotificationsDbDesignTimeFactory : IDesignTimeDbContextFactory<NotificationsDb>
{
    public NotificationsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationsDb>().UseNotificationsNpgsql("Host=localhost").Options);
}
