using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Quality;

/// <summary>The unit's quality policy (chính sách chất lượng), one row per version; the latest approved is in force.</summary>
public sealed class QualityPolicy
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public int Version { get; set; }
    public string Text { get; set; } = "";
    public string ApprovedBy { get; set; } = "";
    public DateOnly ApprovedOn { get; set; }
}

/// <summary>What a quality objective is measured by; each is read from the statistics of the unit's subtree.</summary>
public enum ObjectiveMeasure
{
    /// <summary>(early + on time + in progress within time) / judged, as a fraction (0.95 = 95%). At least the target.</summary>
    OnTimeRate,
    /// <summary>Received online / received. At least the target.</summary>
    OnlineRate,
    /// <summary>Average working days to the result. At most the target.</summary>
    AverageDays,
    /// <summary>Dossiers in progress past their appointment at the end. At most the target.</summary>
    OverdueInProgress,
    /// <summary>Average of the citizens' ratings out of 18. At least the target.</summary>
    SatisfactionAverage,
}

/// <summary>A measurable quality objective (mục tiêu chất lượng) of a unit for a year, e.g. "95% of dossiers on time".</summary>
public sealed class QualityObjective
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    public ObjectiveMeasure Measure { get; set; }
    public decimal Target { get; set; }
    public string? Owner { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public bool AtMost => Measure is ObjectiveMeasure.AverageDays or ObjectiveMeasure.OverdueInProgress;
}

internal sealed class QualityPolicyConfiguration : IEntityTypeConfiguration<QualityPolicy>
{
    public void Configure(EntityTypeBuilder<QualityPolicy> b)
    {
        b.ToTable("quality_policies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.UnitId, x.Version }).IsUnique();
        b.HasOne<Organisation.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualityObjectiveConfiguration : IEntityTypeConfiguration<QualityObjective>
{
    public void Configure(EntityTypeBuilder<QualityObjective> b)
    {
        b.ToTable("quality_objectives");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Measure).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Target).HasPrecision(12, 4);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Ignore(x => x.AtMost);
        b.HasIndex(x => new { x.UnitId, x.Year });
        b.HasOne<Organisation.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
