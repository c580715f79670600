using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Worker.Messaging;

/// <summary>A free-text message an official sent about a dossier, kept so the dossier's history can show it.</summary>
public sealed class OfficialMessage
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public string Sender { get; set; } = "";
    /// <summary><c>specialist</c> or <c>citizen</c>.</summary>
    public string RecipientKind { get; set; } = "";
    /// <summary>The specialist's user name, or the citizen's name.</summary>
    public string Recipient { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class OfficialMessageConfiguration : IEntityTypeConfiguration<OfficialMessage>
{
    public void Configure(EntityTypeBuilder<OfficialMessage> b)
    {
        b.ToTable("official_messages");
        b.HasKey(x => x.Id);
        b.Property(x => x.Sender).HasMaxLength(100);
        b.Property(x => x.RecipientKind).HasMaxLength(20);
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(4000);
        b.HasIndex(x => new { x.DossierId, x.SentAt });
    }
}
