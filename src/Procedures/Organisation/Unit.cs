using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Organisation;

/// <summary>A type of unit (province, department, commune, section, one-stop shop): data, not code.</summary>
public sealed class UnitType
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public int Rank { get; set; }
}

/// <summary>An organisation unit in the tree, with its official code from the national list; effective-dated.</summary>
public sealed class Unit
{
    public Guid Id { get; set; }
    /// <summary>Official unit code, e.g. <c>000.00.07.H29</c>; the prefix of dossier codes.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string TypeCode { get; set; } = "";
    public Guid? ParentId { get; set; }
    /// <summary>Materialised path of ancestor ids and own id (<c>/root/child/self/</c>) for subtree queries.</summary>
    public string Path { get; set; } = "/";
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>Office periods when they differ from the default, e.g. <c>07:00-11:30,13:30-17:00</c>.</summary>
    public string? OfficeHours { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);
}

internal sealed class UnitTypeConfiguration : IEntityTypeConfiguration<UnitType>
{
    public void Configure(EntityTypeBuilder<UnitType> b)
    {
        b.ToTable("unit_types");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.NameEn).HasMaxLength(200);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.ToTable("units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.NameEn).HasMaxLength(300);
        b.Property(x => x.TypeCode).HasMaxLength(50);
        b.Property(x => x.Path).HasMaxLength(2000);
        b.HasIndex(x => x.Path).HasOperators("text_pattern_ops");
        b.Property(x => x.OfficeHours).HasMaxLength(100);
        b.HasOne<UnitType>().WithMany().HasForeignKey(x => x.TypeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
