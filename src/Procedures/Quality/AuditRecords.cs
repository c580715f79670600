using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Quality;

public enum AuditStatus { Planned, Done, Cancelled }

/// <summary>An internal audit (đánh giá nội bộ) planned for a unit: scope, date, auditors; done with its findings.</summary>
public sealed class AuditPlan
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public string Title { get; set; } = "";
    public string Scope { get; set; } = "";
    public DateOnly PlannedOn { get; set; }
    public string Auditors { get; set; } = "";
    public AuditStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Summary { get; set; }
    public string CreatedBy { get; set; } = "";
}

public enum FindingKind { Nonconformity, Observation, Improvement }

/// <summary>What an audit found against a clause of the standard; a nonconformity finding raises a <see cref="Nonconformity"/>.</summary>
public sealed class AuditFinding
{
    public Guid Id { get; set; }
    public Guid AuditPlanId { get; set; }
    /// <summary>1, 2, ... in the order they were recorded in the audit.</summary>
    public int Number { get; set; }
    public string Clause { get; set; } = "";
    public string Description { get; set; } = "";
    public FindingKind Kind { get; set; }
    public Guid? NonconformityId { get; set; }
}

/// <summary>A management review (xem xét của lãnh đạo): when, who, what was reviewed, what was decided.</summary>
public sealed class ManagementReview
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Chair { get; set; } = "";
    public string Participants { get; set; } = "";
    public string Inputs { get; set; } = "";
    public string Decisions { get; set; } = "";
    public string? Actions { get; set; }
    public string RecordedBy { get; set; } = "";
}

internal sealed class AuditPlanConfiguration : IEntityTypeConfiguration<AuditPlan>
{
    public void Configure(EntityTypeBuilder<AuditPlan> b)
    {
        b.ToTable("audit_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Scope).HasMaxLength(2000);
        b.Property(x => x.Auditors).HasMaxLength(1000);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.UnitId, x.PlannedOn });
        b.HasOne<Organisation.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditFindingConfiguration : IEntityTypeConfiguration<AuditFinding>
{
    public void Configure(EntityTypeBuilder<AuditFinding> b)
    {
        b.ToTable("audit_findings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Clause).HasMaxLength(50);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<AuditPlan>().WithMany().HasForeignKey(x => x.AuditPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AuditPlanId, x.Number }).IsUnique();
    }
}

internal sealed class ManagementReviewConfiguration : IEntityTypeConfiguration<ManagementReview>
{
    public void Configure(EntityTypeBuilder<ManagementReview> b)
    {
        b.ToTable("management_reviews");
        b.HasKey(x => x.Id);
        b.Property(x => x.Chair).HasMaxLength(200);
        b.Property(x => x.Participants).HasMaxLength(2000);
        b.Property(x => x.Inputs).HasMaxLength(8000);
        b.Property(x => x.Decisions).HasMaxLength(8000);
        b.Property(x => x.Actions).HasMaxLength(8000);
        b.Property(x => x.RecordedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.UnitId, x.HeldOn });
        b.HasOne<Organisation.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
