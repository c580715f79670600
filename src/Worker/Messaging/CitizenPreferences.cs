using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Worker.Messaging;

/// <summary>How a registered citizen wants to hear from us. Without a row every channel with an address is used, in Vietnamese.</summary>
public sealed class CitizenPreferences
{
    public Guid CitizenAccountId { get; set; }
    public bool Email { get; set; } = true;
    public bool Sms { get; set; } = true;
    public bool InApp { get; set; } = true;
    public string Locale { get; set; } = "vi";
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class CitizenPreferencesConfiguration : IEntityTypeConfiguration<CitizenPreferences>
{
    public void Configure(EntityTypeBuilder<CitizenPreferences> b)
    {
        b.ToTable("citizen_preferences");
        b.HasKey(x => x.CitizenAccountId);
        b.Property(x => x.Locale).HasMaxLength(5);
    }
}
