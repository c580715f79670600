using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procedures.Organisation;

/// <summary>Roles an official can hold in a unit. Stored as strings.</summary>
public enum Role
{
    /// <summary>One-stop-shop clerk: receives, checks, issues receipts, returns results.</summary>
    Clerk,
    /// <summary>Processes (appraises) dossiers assigned to them.</summary>
    Specialist,
    /// <summary>Section head (lãnh đạo phòng): directs, assigns, reviews.</summary>
    SectionHead,
    /// <summary>Unit leader (lãnh đạo đơn vị): approves and signs.</summary>
    UnitLeader,
    /// <summary>Deputy who may sign on behalf of the unit leader (KT.).</summary>
    DeputyLeader,
    /// <summary>Administers the unit and its subtree.</summary>
    UnitAdmin,
    /// <summary>Administers the whole system.</summary>
    SystemAdmin,
    /// <summary>Officer of an agency consulted in a joint procedure (liên thông): police, tax, social insurance.</summary>
    ConsultedOfficer,
    /// <summary>The unit's ISO officer (cán bộ ISO): designs and publishes the workflows of the unit's procedures.</summary>
    IsoOfficer,
}

/// <summary>A public official (cán bộ, công chức) who signs in and works on dossiers.</summary>
public sealed class Official
{
    public Guid Id { get; set; }
    /// <summary>Sign-in name; also the actor id recorded in workflow history.</summary>
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public List<Membership> Memberships { get; set; } = [];
}

/// <summary>An official's roles in one unit, effective-dated. A unit admin's membership covers the unit's subtree.</summary>
public sealed class Membership
{
    public Guid Id { get; set; }
    public Guid OfficialId { get; set; }
    public Guid UnitId { get; set; }
    public List<Role> Roles { get; set; } = [];
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }
    /// <summary>For a delegated admin: who granted the management of this (sub-)unit.</summary>
    public Guid? DelegatedBy { get; set; }

    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);
}

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> b)
    {
        b.ToTable("officials");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserName).HasMaxLength(100);
        b.HasIndex(x => x.UserName).IsUnique();
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(30);
        b.HasMany(x => x.Memberships).WithOne().HasForeignKey(m => m.OfficialId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.ToTable("memberships");
        b.HasKey(x => x.Id);
        // A primitive collection so that queries such as "who holds system-admin" translate to "= ANY(roles)".
        b.PrimitiveCollection(x => x.Roles).HasColumnType("text[]").ElementType().HasConversion<string>();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OfficialId, x.UnitId });
        b.HasIndex(x => x.UnitId);
    }
}
