using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Common;
using Worker.Notifications;

namespace Worker.Templates;

/// <summary>Create or edit the template of an event, channel and language: always a new version, which becomes the latest.</summary>
public sealed record SaveTemplate(string Event, string Channel, string Locale, string? Subject, string Body);

public sealed record TemplateView(Guid Id, string Event, string Channel, string Locale, int Version, string Subject, string Body,
    DateTimeOffset CreatedAt, string CreatedBy)
{
    public static TemplateView From(MessageTemplate t) =>
        new(t.Id, t.Event, Channels.MessageChannels.Name(t.Channel), t.Locale, t.Version, t.Subject, t.Body, t.CreatedAt, t.CreatedBy);
}

public sealed class SaveTemplateHandler(NotificationsDb db, TimeProvider clock)
{
    public async Task<DomainResult<TemplateView>> HandleAsync(string actor, SaveTemplate request, CancellationToken ct = default)
    {
        if (TemplateRules.CheckKey(request.Event, request.Channel, request.Locale, out var channel) is { } badKey) return badKey;
        if (TemplateRules.CheckText(request.Event, channel, request.Subject, request.Body) is { } badText) return badText;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var versions = db.Templates.Where(t => t.Event == request.Event && t.Channel == channel && t.Locale == request.Locale);
        var last = await versions.MaxAsync(t => (int?)t.Version, ct) ?? 0;
        await versions.Where(t => t.IsLatest).ExecuteUpdateAsync(s => s.SetProperty(t => t.IsLatest, false), ct);
        var template = new MessageTemplate
        {
            Id = Guid.CreateVersion7(), Event = request.Event, Channel = channel, Locale = request.Locale, Version = last + 1,
            IsLatest = true, Subject = request.Subject?.Trim() ?? "", Body = request.Body, CreatedAt = clock.GetUtcNow(), CreatedBy = actor,
        };
        db.Templates.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return DomainError.Conflict("template-changed", "Mẫu vừa được người khác sửa; vui lòng tải lại.", "Someone saved this template meanwhile; reload it.");
        }
        return TemplateView.From(template);
    }
}
