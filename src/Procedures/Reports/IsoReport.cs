using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Reports;

public enum ReportStatus { Draft, Submitted }

/// <summary>
/// A unit's periodic ISO report: the narrative its leaders write, and on submission the figures as they stood then
/// (<see cref="Content"/>), so the level above consolidates what was sent even if late data changes the statistics.
/// </summary>
public sealed class IsoReport
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public ReportKind Kind { get; set; }
    public int Year { get; set; }
    public ReportStatus Status { get; set; }
    public string? Assessment { get; set; }
    public string? Difficulties { get; set; }
    public string? Proposals { get; set; }
    /// <summary>The <see cref="IsoReportContent"/> as JSON, set on submission.</summary>
    public string? Content { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

internal sealed class IsoReportConfiguration : IEntityTypeConfiguration<IsoReport>
{
    public void Configure(EntityTypeBuilder<IsoReport> b)
    {
        b.ToTable("iso_reports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Assessment).HasMaxLength(8000);
        b.Property(x => x.Difficulties).HasMaxLength(8000);
        b.Property(x => x.Proposals).HasMaxLength(8000);
        b.Property(x => x.Content).HasColumnType("jsonb");
        b.Property(x => x.SubmittedBy).HasMaxLength(100);
        b.Property(x => x.UpdatedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.UnitId, x.Kind, x.Year }).IsUnique();
        b.HasOne<Organisation.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
