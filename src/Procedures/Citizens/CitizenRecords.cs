using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procedures.Persistence;

namespace Procedures.Citizens;

/// <summary>A citizen's evaluation of a finished dossier: 9 indicators of 0–2 points (Decree 61 evaluation ⚠ wording of the indicators).</summary>
public sealed class Rating
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public Guid CitizenAccountId { get; set; }
    public Guid ProcedureId { get; set; }
    public Guid ProcessingUnitId { get; set; }
    public Guid ReceivingUnitId { get; set; }
    /// <summary>Points of indicators 1–9, in order.</summary>
    public List<int> Scores { get; set; } = [];
    public int Total { get; set; }
    public RatingGrade Grade { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset RatedAt { get; set; }
}

/// <summary>A citizen's question (hỏi đáp) about a procedure or a unit; answered by an official, published when useful to others.</summary>
public sealed class Question
{
    public Guid Id { get; set; }
    public Guid CitizenAccountId { get; set; }
    public Guid? ProcedureId { get; set; }
    public Guid? UnitId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset AskedAt { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool IsPublished { get; set; }
}

public enum FeedbackStatus { New, Handled }

/// <summary>A citizen's feedback (góp ý) on a unit, a procedure or a dossier.</summary>
public sealed class Feedback
{
    public Guid Id { get; set; }
    public Guid CitizenAccountId { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? ProcedureId { get; set; }
    public Guid? DossierId { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public FeedbackStatus Status { get; set; }
    public string? Response { get; set; }
    public string? HandledBy { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
}

/// <summary>Documents a citizen sent online in answer to a supplement request; a clerk then receives the supplement.</summary>
public sealed class SupplementSubmission
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public Guid CitizenAccountId { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public string? Note { get; set; }
    public List<SubmittedDocument> Documents { get; set; } = [];
}

/// <summary>One document of an online supplement: a required document of the procedure or another paper by name, with its file.</summary>
public sealed record SubmittedDocument(Guid? ProcedureDocumentId, string? Name, Guid AttachmentId);

internal sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> b)
    {
        b.ToTable("ratings");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.DossierId).IsUnique();
        b.HasIndex(x => new { x.ProcessingUnitId, x.RatedAt });
        b.Property(x => x.Scores).HasColumnType("integer[]");
        b.Property(x => x.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Comment).HasMaxLength(2000);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.ToTable("questions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.Answer).HasMaxLength(8000);
        b.Property(x => x.AnsweredBy).HasMaxLength(100);
        b.HasIndex(x => x.CitizenAccountId);
        b.HasIndex(x => new { x.IsPublished, x.AnsweredAt });
    }
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.ToTable("feedback");
        b.HasKey(x => x.Id);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.Property(x => x.Response).HasMaxLength(4000);
        b.Property(x => x.HandledBy).HasMaxLength(100);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.CitizenAccountId);
        b.HasIndex(x => new { x.UnitId, x.CreatedAt });
    }
}

internal sealed class SupplementSubmissionConfiguration : IEntityTypeConfiguration<SupplementSubmission>
{
    public void Configure(EntityTypeBuilder<SupplementSubmission> b)
    {
        b.ToTable("supplement_submissions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Documents).HasColumnType("jsonb")
            .HasConversion(JsonConversion<List<SubmittedDocument>>.Converter, JsonConversion<List<SubmittedDocument>>.Comparer);
        b.HasIndex(x => x.DossierId);
    }
}
