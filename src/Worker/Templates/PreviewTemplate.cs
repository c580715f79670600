using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Worker.Notifications;

namespace Worker.Templates;

/// <summary>
/// Shows what a citizen would receive: the given text (a draft not saved yet) or the latest saved version,
/// filled with <paramref name="Values"/> or with sample data for the event.
/// </summary>
public sealed record PreviewTemplate(string Event, string Channel, string Locale, string? Subject = null, string? Body = null,
    IReadOnlyDictionary<string, string>? Values = null);

public sealed record TemplatePreview(string Subject, string Body, int? Version);

public sealed class PreviewTemplateHandler(NotificationsDb db)
{
    public async Task<DomainResult<TemplatePreview>> HandleAsync(PreviewTemplate request, CancellationToken ct = default)
    {
        if (TemplateRules.CheckKey(request.Event, request.Channel, request.Locale, out var channel) is { } badKey) return badKey;
        string subject, body;
        int? version = null;
        if (request.Body is not null)
        {
            if (TemplateRules.CheckText(request.Event, channel, request.Subject, request.Body) is { } badText) return badText;
            (subject, body) = (request.Subject ?? "", request.Body);
        }
        else
        {
            var latest = await db.Templates.AsNoTracking()
                .SingleOrDefaultAsync(t => t.Event == request.Event && t.Channel == channel && t.Locale == request.Locale && t.IsLatest, ct);
            if (latest is null) return DomainError.NotFound("template", "mẫu tin nhắn");
            (subject, body, version) = (latest.Subject, latest.Body, latest.Version);
        }
        var values = request.Values ?? TemplateEvents.SampleValues(request.Event);
        return new TemplatePreview(Placeholders.Render(subject, values), Placeholders.Render(body, values), version);
    }
}
