using Microsoft.EntityFrameworkCore;

namespace Engine.Persistence;

/// <summary>
/// The engine's tables in schema <c>engine</c>. The transition hot path writes them with hand-written SQL. Internal: other
/// modules use the engine's API and its documented read model (<see cref="Queries.EngineReadModel"/>), never its tables.
/// </summary>
internal sealed class EngineDb(DbContextOptions<EngineDb> options) : DbContext(options)
{
    public const string Schema = EngineSchema.Name;

    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();
    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();
    public DbSet<WorkItemRecord> WorkItems => Set<WorkItemRecord>();
    public DbSet<TimerRecord> Timers => Set<TimerRecord>();
    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();
    public DbSet<HistoryRecord> History => Set<HistoryRecord>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();
    public DbSet<ProcessedMessageRecord> ProcessedMessages => Set<ProcessedMessageRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngineDb).Assembly, t => t.Namespace == typeof(EngineDb).Namespace);
    }
}

/// <summary>The engine's database schema: for hosts and tests that empty or back up the engine's data with the rest.</summary>
public static class EngineSchema
{
    public const string Name = "engine";
}
