using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Audit;

/// <summary>
/// One audited request: who (account, kind, client), when, what (action, resource, outcome) and from where
/// (address, user agent). Append-only; never holds request bodies or personal data.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? AccountId { get; set; }
    public string? UserName { get; set; }
    public string? AccountKind { get; set; }
    public string Action { get; set; } = "";
    public string? ResourceType { get; set; }
    public string? ResourceId { get; set; }
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int StatusCode { get; set; }
    public IPAddress? RemoteAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? TraceId { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.AccountKind).HasMaxLength(20);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.ResourceType).HasMaxLength(50);
        b.Property(x => x.ResourceId).HasMaxLength(100);
        b.Property(x => x.Method).HasMaxLength(10);
        b.Property(x => x.Path).HasMaxLength(500);
        b.Property(x => x.UserAgent).HasMaxLength(300);
        b.Property(x => x.TraceId).HasMaxLength(64);
        b.HasIndex(x => new { x.ResourceType, x.ResourceId, x.At });
        b.HasIndex(x => new { x.AccountId, x.At });
        b.HasIndex(x => x.At);
    }
}
