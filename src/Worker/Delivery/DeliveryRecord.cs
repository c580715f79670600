using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Worker.Channels;

namespace Worker.Delivery;

/// <summary>Where a message is: waiting, delivered, failed for good, or waiting for another try after a failure.</summary>
public enum DeliveryStatus { Queued, Sent, Retrying, Failed }

/// <summary>
/// One message to one address on one channel: the delivery log. Written in the transaction that handles the
/// event, so nothing is lost on restart; the dispatcher sends it, records the provider's answer and retries with
/// backoff. <see cref="DedupeKey"/> is unique, so a redelivered event never queues a second copy.
/// </summary>
public sealed class DeliveryRecord
{
    public Guid Id { get; set; }
    /// <summary>e.g. <c>&lt;message id&gt;:sms</c> or <c>digest:&lt;user&gt;:2026-03-03</c>.</summary>
    public string DedupeKey { get; set; } = "";
    public Guid? SourceMessageId { get; set; }
    public string Event { get; set; } = "";
    public MessageChannel Channel { get; set; }
    /// <summary>Email address, phone number, or inbox recipient.</summary>
    public string Recipient { get; set; } = "";
    public string? RecipientName { get; set; }
    public string Locale { get; set; } = "vi";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public Guid? TemplateId { get; set; }
    public int? TemplateVersion { get; set; }
    public Guid? DossierId { get; set; }
    public string? DossierCode { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>Set while a dispatcher sends it; an expired lease (a crashed process) lets another take it.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public string? ProviderAnswer { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class DeliveryRecordConfiguration : IEntityTypeConfiguration<DeliveryRecord>
{
    public void Configure(EntityTypeBuilder<DeliveryRecord> b)
    {
        b.ToTable("deliveries");
        b.HasKey(x => x.Id);
        b.Property(x => x.DedupeKey).HasMaxLength(200);
        b.HasIndex(x => x.DedupeKey).IsUnique();
        b.Property(x => x.Event).HasMaxLength(60);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.RecipientName).HasMaxLength(200);
        b.Property(x => x.Locale).HasMaxLength(5);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.DossierCode).HasMaxLength(80);
        b.HasIndex(x => x.DossierId);
        // The dispatcher only ever looks at what is still to be sent.
        b.HasIndex(x => x.NextAttemptAt, "ix_deliveries_pending").HasFilter("status IN ('Queued', 'Retrying')");
        b.HasIndex(x => x.UpdatedAt, "ix_deliveries_failed").HasFilter("status = 'Failed'");
    }
}
