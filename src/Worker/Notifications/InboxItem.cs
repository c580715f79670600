using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Worker.Notifications;

/// <summary>
/// An in-app notification for one person: an official (recipient = user name) or a registered citizen
/// (recipient = <c>citizen:&lt;account id&gt;</c>, see <see cref="Recipients"/>).
/// </summary>
public sealed class InboxItem
{
    public Guid Id { get; set; }
    public string Recipient { get; set; } = "";
    /// <summary>What caused it: <c>sla.due-soon</c>, <c>sla.apology-due</c>, <c>dossier-received</c>, <c>official-message</c>, ...</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }
    public Guid? DossierId { get; set; }
    /// <summary>The work item or dossier the notification is about.</summary>
    public Guid? SubjectId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public static class Recipients
{
    public static string Citizen(Guid accountId) => $"citizen:{accountId}";
}

internal sealed class InboxItemConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.ToTable("inbox");
        b.HasKey(x => x.Id);
        b.Property(x => x.Recipient).HasMaxLength(150);
        b.Property(x => x.Kind).HasMaxLength(60);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Link).HasMaxLength(1000);
        b.HasIndex(x => new { x.Recipient, x.CreatedAt });
        // The badge counts unread items on every page load: keep that index small.
        b.HasIndex(x => x.Recipient, "ix_inbox_unread").HasFilter("read_at IS NULL");
    }
}
