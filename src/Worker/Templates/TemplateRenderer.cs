using Microsoft.EntityFrameworkCore;
using Worker.Channels;
using Worker.Notifications;

namespace Worker.Templates;

/// <summary>A template filled in, with the version it came from so the delivery log can record it.</summary>
public sealed record RenderedMessage(string Subject, string Body, Guid TemplateId, int TemplateVersion);

/// <summary>Fills the latest template of an event and channel, in the language asked for or else Vietnamese.</summary>
public sealed class TemplateRenderer(NotificationsDb db)
{
    public async Task<RenderedMessage?> RenderAsync(string eventName, MessageChannel channel, string locale,
        IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var candidates = await db.Templates.AsNoTracking()
            .Where(t => t.Event == eventName && t.Channel == channel && t.IsLatest && (t.Locale == locale || t.Locale == "vi"))
            .ToListAsync(ct);
        var template = candidates.FirstOrDefault(t => t.Locale == locale) ?? candidates.FirstOrDefault();
        return template is null
            ? null
            : new RenderedMessage(Placeholders.Render(template.Subject, values), Placeholders.Render(template.Body, values), template.Id, template.Version);
    }
}
