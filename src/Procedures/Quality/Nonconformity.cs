using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Quality;

public enum NonconformitySource { InternalAudit, Complaint, OverdueDossier, ManagementReview, Other }

/// <summary>Open → action planned → verified (effective) → closed; a verification found ineffective sends it back to open.</summary>
public enum NonconformityStatus { Open, ActionPlanned, Verified, Closed }

/// <summary>A nonconformity (sự không phù hợp) with its cause, corrective action, owner, due date, verification and closure.</summary>
public sealed class Nonconformity
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    /// <summary><c>KPH-yyyy-NNN</c>, numbered per unit and year.</summary>
    public string Number { get; set; } = "";
    public NonconformitySource Source { get; set; }
    /// <summary>Where it came from in words: the audit finding, the complaint's reference, the dossier code.</summary>
    public string? SourceRef { get; set; }
    public Guid? DossierId { get; set; }
    public Guid? AuditFindingId { get; set; }
    public string Description { get; set; } = "";
    public string? Cause { get; set; }
    public string? CorrectiveAction { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public NonconformityStatus Status { get; set; }
    public string RaisedBy { get; set; } = "";
    public DateTimeOffset RaisedAt { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerificationNote { get; set; }
    public string? ClosedBy { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public int Revision { get; set; }

    public bool IsOverdueOn(DateOnly day) => Status is NonconformityStatus.Open or NonconformityStatus.ActionPlanned && DueOn < day;
}

internal sealed class NonconformityConfiguration : IEntityTypeConfiguration<Nonconformity>
{
    public void Configure(EntityTypeBuilder<Nonconformity> b)
    {
        b.ToTable("nonconformities");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(30);
        b.HasIndex(x => new { x.UnitId, x.Number }).IsUnique();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceRef).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Cause).HasMaxLength(4000);
        b.Property(x => x.CorrectiveAction).HasMaxLength(4000);
        b.Property(x => x.VerificationNote).HasMaxLength(2000);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.RaisedBy).HasMaxLength(100);
        b.Property(x => x.VerifiedBy).HasMaxLength(100);
        b.Property(x => x.ClosedBy).HasMaxLength(100);
        b.Property(x => x.Revision).IsConcurrencyToken();
        // One nonconformity per overdue dossier: raising them again finds the existing one.
        b.HasIndex(x => x.DossierId).IsUnique().HasFilter("dossier_id IS NOT NULL");
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasOne<Organisation.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
