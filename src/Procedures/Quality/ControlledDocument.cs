using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Quality;

public enum DocumentKind { QualityManual, QualityPolicy, Procedure, Form, Instruction, Other }

/// <summary>
/// A controlled document the unit keeps itself (quality manual, internal procedure, instruction), one row per
/// version. Workflow definitions and forms are controlled by the engine and the catalogue and are listed beside these.
/// </summary>
public sealed class ControlledDocument
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public DocumentKind Kind { get; set; }
    public string Version { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public string ApprovedBy { get; set; } = "";
    public DateTimeOffset ApprovedAt { get; set; }
    /// <summary>Set on the previous version when a new one is recorded.</summary>
    public DateOnly? SupersededOn { get; set; }
    public string? Note { get; set; }
}

internal sealed class ControlledDocumentConfiguration : IEntityTypeConfiguration<ControlledDocument>
{
    public void Configure(EntityTypeBuilder<ControlledDocument> b)
    {
        b.ToTable("controlled_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).HasMaxLength(20);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => new { x.UnitId, x.Code, x.Version }).IsUnique();
        b.HasOne<Organisation.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
