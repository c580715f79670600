using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Worker.Notifications;

namespace Worker.Templates;

/// <summary>Stop sending an event on a channel in a language: the latest version is marked deleted; history stays.</summary>
public sealed record DeleteTemplate(string Event, string Channel, string Locale);

public sealed class DeleteTemplateHandler(NotificationsDb db, TimeProvider clock)
{
    public async Task<DomainResult<bool>> HandleAsync(string actor, DeleteTemplate request, CancellationToken ct = default)
    {
        if (TemplateRules.CheckKey(request.Event, request.Channel, request.Locale, out var channel) is { } badKey) return badKey;
        var now = clock.GetUtcNow();
        var deleted = await db.Templates
            .Where(t => t.Event == request.Event && t.Channel == channel && t.Locale == request.Locale && t.IsLatest)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.IsLatest, false).SetProperty(t => t.DeletedAt, now).SetProperty(t => t.DeletedBy, actor), ct);
        return deleted == 0 ? DomainError.NotFound("template", "mẫu tin nhắn") : true;
    }
}
