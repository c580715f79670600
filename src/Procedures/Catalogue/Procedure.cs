using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procedures.Calendar;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>How a dossier can be submitted and its result returned.</summary>
public enum Channel { Counter, Online, Post }

/// <summary>An administrative procedure (thủ tục hành chính) of the catalogue.</summary>
public sealed class Procedure
{
    public Guid Id { get; set; }
    /// <summary>Code in the national database of procedures, e.g. <c>1.001193</c>.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    /// <summary>Level of government that handles it (data: province, department, commune).</summary>
    public string Level { get; set; } = "";
    public Guid SectorId { get; set; }
    public string? LegalBasis { get; set; }
    public string? Description { get; set; }
    public LegalTimeLimitKind TimeLimitKind { get; set; }
    public decimal TimeLimitAmount { get; set; }
    public List<Channel> Channels { get; set; } = [Channel.Counter];
    public List<Fee> Fees { get; set; } = [];
    public List<ProcedureDocument> RequiredDocuments { get; set; } = [];
    public List<string> ResultDocuments { get; set; } = [];
    /// <summary>Years a finished dossier is kept in the archive.</summary>
    public int RetentionYears { get; set; } = 10;
    public bool IsActive { get; set; } = true;
    /// <summary>Name, code and English name folded by <see cref="Catalogue.SearchText"/>; kept in step by the catalogue use cases.</summary>
    public string SearchText { get; set; } = "";

    public LegalTimeLimit TimeLimit => new(TimeLimitKind, TimeLimitAmount);
}

/// <summary>Form in which a document is handed in.</summary>
public enum DocumentForm { Original, Copy, CertifiedCopy, OriginalForInspection }

/// <summary>A document the applicant must (or may) hand in.</summary>
public sealed class ProcedureDocument
{
    public Guid Id { get; set; }
    public Guid ProcedureId { get; set; }
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public int Copies { get; set; } = 1;
    public DocumentForm Form { get; set; }
    public bool IsOptional { get; set; }
    /// <summary>Template form name, e.g. "Tờ khai đăng ký khai sinh".</summary>
    public string? TemplateName { get; set; }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> b)
    {
        b.ToTable("procedures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.NameEn).HasMaxLength(500);
        b.Property(x => x.Level).HasMaxLength(50);
        b.Property(x => x.TimeLimitKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TimeLimitAmount).HasPrecision(9, 2);
        // A primitive collection (not a whole-list converter) so that "channel = ANY(channels)" is translated for the catalogue filter.
        b.PrimitiveCollection(x => x.Channels).HasColumnType("text[]").ElementType().HasConversion<string>();
        b.Property(x => x.ResultDocuments).HasColumnType("text[]");
        b.Property(x => x.Fees).HasColumnType("jsonb").HasConversion(JsonConversion<List<Fee>>.Converter, JsonConversion<List<Fee>>.Comparer);
        b.Ignore(x => x.TimeLimit);
        b.HasOne<Sector>().WithMany().HasForeignKey(x => x.SectorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.RequiredDocuments).WithOne().HasForeignKey(d => d.ProcedureId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SectorId);
        b.Property(x => x.SearchText).HasMaxLength(1200);
        // Serves prefix searches (typing the start of a name); word-anywhere matching scans, which a catalogue of a few thousand rows affords.
        b.HasIndex(x => x.SearchText).HasOperators("text_pattern_ops");
    }
}

internal sealed class ProcedureDocumentConfiguration : IEntityTypeConfiguration<ProcedureDocument>
{
    public void Configure(EntityTypeBuilder<ProcedureDocument> b)
    {
        b.ToTable("procedure_documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Form).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.TemplateName).HasMaxLength(300);
    }
}
