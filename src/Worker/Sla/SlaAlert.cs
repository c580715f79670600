using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Worker.Sla;

/// <summary>
/// A threshold crossed by a work item or a dossier, recorded once. The primary key (subject, threshold, due time)
/// makes alerting idempotent: sweeps insert with ON CONFLICT DO NOTHING in the transaction that queues the
/// notifications, so a repeated or concurrent sweep notifies nobody twice. The due time is part of the key
/// because an apology resets a dossier's appointment, and the new date deserves its own alerts.
/// </summary>
public sealed class SlaAlert
{
    public Guid SubjectId { get; set; }
    public string Threshold { get; set; } = "";
    public DateTimeOffset DueAt { get; set; }
    /// <summary><c>work-item</c> or <c>dossier</c>.</summary>
    public string SubjectKind { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>User names notified, comma-separated, for the record (empty when a later threshold was notified instead).</summary>
    public string NotifiedTo { get; set; } = "";
}

internal sealed class SlaAlertConfiguration : IEntityTypeConfiguration<SlaAlert>
{
    public void Configure(EntityTypeBuilder<SlaAlert> b)
    {
        b.ToTable("sla_alerts");
        b.HasKey(x => new { x.SubjectId, x.Threshold, x.DueAt });
        b.Property(x => x.Threshold).HasMaxLength(40);
        b.Property(x => x.SubjectKind).HasMaxLength(20);
    }
}
