using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Calendar;

/// <summary>A stored per-year override of the computed calendar (extra day off, working Saturday, moved holiday).</summary>
public sealed class CalendarOverrideRecord
{
    public Guid Id { get; set; }
    public DateOnly Date { get; set; }
    public CalendarOverrideKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Legal document that decided it, e.g. "Thông báo 6150/TB-BLĐTBXH".</summary>
    public string? Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public CalendarOverride ToOverride() => new(Date, Kind, Name);
}

internal sealed class CalendarOverrideRecordConfiguration : IEntityTypeConfiguration<CalendarOverrideRecord>
{
    public void Configure(EntityTypeBuilder<CalendarOverrideRecord> b)
    {
        b.ToTable("calendar_overrides");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Source).HasMaxLength(300);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.HasIndex(x => x.Date).IsUnique();
    }
}
