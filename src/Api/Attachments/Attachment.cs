using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Attachments;

/// <summary>
/// A stored file's metadata; the bytes live in the file store under <see cref="Id"/> (never under the uploader's
/// name). Uploaded first, then bound to a dossier when a use case references it.
/// </summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid? DossierId { get; set; }
    /// <summary>The sanitised original name, shown and used on download.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 of the bytes, lowercase hex; recorded in the dossier's history when bound.</summary>
    public string Sha256 { get; set; } = "";
    public Guid UploadedBy { get; set; }
    public string UploadedByKind { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.UploadedByKind).HasMaxLength(20);
        b.HasIndex(x => x.DossierId);
        b.HasIndex(x => x.UploadedBy);
    }
}
