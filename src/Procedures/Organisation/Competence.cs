using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procedures.Catalogue;

namespace Procedures.Organisation;

/// <summary>
/// Which unit is competent for which procedure, from when to when, and which published workflow
/// definition (and version; latest when null) it runs the procedure with.
/// </summary>
public sealed class Competence
{
    public Guid Id { get; set; }
    public Guid ProcedureId { get; set; }
    public Guid UnitId { get; set; }
    public string WorkflowDefinitionId { get; set; } = "";
    public int? WorkflowVersion { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);
}

internal sealed class CompetenceConfiguration : IEntityTypeConfiguration<Competence>
{
    public void Configure(EntityTypeBuilder<Competence> b)
    {
        b.ToTable("competences");
        b.HasKey(x => x.Id);
        b.Property(x => x.WorkflowDefinitionId).HasMaxLength(100);
        b.HasOne<Procedure>().WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ProcedureId, x.UnitId, x.EffectiveFrom }).IsUnique();
    }
}
