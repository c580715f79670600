using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Engine.Persistence;

internal sealed class DefinitionRecordConfiguration : IEntityTypeConfiguration<DefinitionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionRecord> b)
    {
        b.ToTable("definitions");
        b.HasKey(x => x.Id);
        b.Property(x => x.DefinitionId).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Body).HasColumnType("jsonb");
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
        // Exactly one latest published version per definition id, and at most one draft.
        b.HasIndex(x => x.DefinitionId, "ux_definitions_latest").IsUnique().HasFilter("is_latest");
        b.HasIndex(x => x.DefinitionId, "ux_definitions_draft").IsUnique().HasFilter("NOT is_published");
    }
}

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> b)
    {
        b.ToTable("instances");
        b.HasKey(x => x.Id);
        b.Property(x => x.DefinitionId).HasMaxLength(100);
        b.Property(x => x.BusinessKey).HasMaxLength(200);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Outcome).HasMaxLength(100);
        b.Property(x => x.Variables).HasColumnType("jsonb");
        b.Property(x => x.Tokens).HasColumnType("jsonb");
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasOne<DefinitionRecord>().WithMany().HasForeignKey(x => x.DefinitionRecordId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.DefinitionId, x.DefinitionVersion, x.Status });
        b.HasIndex(x => x.BusinessKey);
    }
}

internal sealed class WorkItemRecordConfiguration : IEntityTypeConfiguration<WorkItemRecord>
{
    public void Configure(EntityTypeBuilder<WorkItemRecord> b)
    {
        b.ToTable("work_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.DefinitionId).HasMaxLength(100);
        b.Property(x => x.BusinessKey).HasMaxLength(200);
        b.Property(x => x.StepId).HasMaxLength(100);
        b.Property(x => x.Branch).HasMaxLength(100);
        b.Property(x => x.Role).HasMaxLength(100);
        b.Property(x => x.UnitId).HasMaxLength(100);
        b.Property(x => x.Assignee).HasMaxLength(100);
        b.Property(x => x.ClaimedBy).HasMaxLength(100);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Budget).HasMaxLength(20);
        b.Property(x => x.Action).HasMaxLength(100);
        b.HasOne<InstanceRecord>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.InstanceId);
        // Inbox queries only ever look at open work: keep these indexes small.
        b.HasIndex(x => new { x.Assignee, x.DueAt }, "ix_work_items_open_assignee").HasFilter("status = 'Open'");
        b.HasIndex(x => new { x.ClaimedBy, x.DueAt }, "ix_work_items_open_claimed").HasFilter("status = 'Open'");
        b.HasIndex(x => new { x.UnitId, x.Role, x.DueAt }, "ix_work_items_open_unit_role").HasFilter("status = 'Open'");
        b.HasIndex(x => x.DueAt, "ix_work_items_open_due").HasFilter("status = 'Open'");
        // The queue of a role in a unit (nobody assigned or claiming), in due order with a stable tie-break: an inbox page
        // of a queue of 50,000 reads its 20 rows from here instead of sorting the queue.
        b.HasIndex(x => new { x.UnitId, x.Role, x.DueAt, x.Id }, "ix_work_items_open_queue")
            .HasFilter("status = 'Open' AND assignee IS NULL AND claimed_by IS NULL");
    }
}

internal sealed class TimerRecordConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> b)
    {
        b.ToTable("timers");
        b.HasKey(x => x.Id);
        b.Property(x => x.StepId).HasMaxLength(100);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.Kind).HasMaxLength(20).HasDefaultValue("Step");
        b.Property(x => x.Data).HasColumnType("jsonb");
        b.Property(x => x.Attempts).HasDefaultValue(0);
        b.HasOne<InstanceRecord>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.InstanceId);
        // Pollers read the pending rows whose next attempt is due, in that order.
        b.HasIndex(x => x.NextAttemptAt, "ix_timers_pending_next").HasFilter("status = 'Pending'");
    }
}

internal sealed class IncidentRecordConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> b)
    {
        b.ToTable("incidents");
        b.HasKey(x => x.Id);
        b.Property(x => x.DefinitionId).HasMaxLength(100);
        b.Property(x => x.BusinessKey).HasMaxLength(200);
        b.Property(x => x.StepId).HasMaxLength(100);
        b.Property(x => x.UnitId).HasMaxLength(100);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Status).HasMaxLength(20);
        b.Property(x => x.ResolvedBy).HasMaxLength(100);
        b.HasOne<InstanceRecord>().WithMany().HasForeignKey(x => x.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.InstanceId);
        b.HasIndex(x => new { x.DefinitionId, x.FirstSeenAt }, "ix_incidents_open").HasFilter("status <> 'Resolved'");
        // A timer has at most one unresolved incident: each further failure updates it.
        b.HasIndex(x => x.TimerId, "ux_incidents_open_timer").IsUnique().HasFilter("status <> 'Resolved'");
    }
}

internal sealed class HistoryRecordConfiguration : IEntityTypeConfiguration<HistoryRecord>
{
    public void Configure(EntityTypeBuilder<HistoryRecord> b)
    {
        b.ToTable("history");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Actor).HasMaxLength(100);
        b.Property(x => x.FromStep).HasMaxLength(100);
        b.Property(x => x.ToStep).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.Data).HasColumnType("jsonb");
        b.HasIndex(x => new { x.InstanceId, x.Id });
    }
}

internal sealed class OutboxRecordConfiguration : IEntityTypeConfiguration<OutboxRecord>
{
    public void Configure(EntityTypeBuilder<OutboxRecord> b)
    {
        b.ToTable("outbox");
        b.HasKey(x => x.Id);
        b.Property(x => x.Sequence).UseIdentityAlwaysColumn();
        b.Property(x => x.Type).HasMaxLength(200);
        b.Property(x => x.Payload).HasColumnType("jsonb");
        b.Property(x => x.DiscardedBy).HasMaxLength(100);
        // What the dispatchers read: rows not yet sent nor parked, in order, and per instance for the ordering rule.
        b.HasIndex(x => x.Sequence, "ix_outbox_ready").HasFilter("dispatched_at IS NULL AND parked_at IS NULL");
        b.HasIndex(x => new { x.InstanceId, x.Sequence }, "ix_outbox_ready_instance").HasFilter("dispatched_at IS NULL AND parked_at IS NULL");
        b.HasIndex(x => x.ParkedAt, "ix_outbox_parked").HasFilter("parked_at IS NOT NULL AND dispatched_at IS NULL AND discarded_at IS NULL");
        // Housekeeping deletes sent and discarded rows after the retention period, oldest first.
        b.HasIndex(x => x.DispatchedAt, "ix_outbox_dispatched").HasFilter("dispatched_at IS NOT NULL");
        b.HasIndex(x => x.DiscardedAt, "ix_outbox_discarded").HasFilter("discarded_at IS NOT NULL");
    }
}

internal sealed class ProcessedMessageRecordConfiguration : IEntityTypeConfiguration<ProcessedMessageRecord>
{
    public void Configure(EntityTypeBuilder<ProcessedMessageRecord> b)
    {
        b.ToTable("processed_messages");
        b.HasKey(x => new { x.Consumer, x.MessageId });
        b.Property(x => x.Consumer).HasMaxLength(200);
        b.HasIndex(x => x.ProcessedAt);
    }
}
