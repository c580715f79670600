using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Worker.Channels;

namespace Worker.Templates;

/// <summary>
/// One version of the text sent for an event on a channel in a language. Saving creates version N+1 and makes
/// it the latest; old versions stay so a sent message can name the version it used. Deleting marks the
/// latest version deleted: nothing is sent on that channel for the event until an admin saves a new version.
/// </summary>
public sealed class MessageTemplate
{
    public Guid Id { get; set; }
    public string Event { get; set; } = "";
    public MessageChannel Channel { get; set; }
    /// <summary><c>vi</c> or <c>en</c>.</summary>
    public string Locale { get; set; } = "vi";
    public int Version { get; set; }
    public bool IsLatest { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> b)
    {
        b.ToTable("templates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Event).HasMaxLength(60);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Locale).HasMaxLength(5);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
        b.Property(x => x.DeletedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.Event, x.Channel, x.Locale, x.Version }).IsUnique();
        // One latest version per event, channel and language; two admins saving at once cannot both win.
        b.HasIndex(x => new { x.Event, x.Channel, x.Locale }, "ux_templates_latest").IsUnique().HasFilter("is_latest");
    }
}
