using Microsoft.EntityFrameworkCore;
using Worker.Notifications;

namespace Worker.Templates;

/// <summary>The latest version of every template, for the admin screen; <see cref="HistoryAsync"/> for one key's versions.</summary>
public sealed class ListTemplatesQuery(NotificationsDb db)
{
    public async Task<IReadOnlyList<TemplateView>> LatestAsync(CancellationToken ct = default) =>
        (await db.Templates.AsNoTracking().Where(t => t.IsLatest).OrderBy(t => t.Event).ThenBy(t => t.Channel).ThenBy(t => t.Locale).ToListAsync(ct))
        .Select(TemplateView.From).ToList();

    public async Task<IReadOnlyList<TemplateView>> HistoryAsync(string eventName, string channel, string locale, CancellationToken ct = default)
    {
        if (!Channels.MessageChannels.TryParse(channel, out var parsed)) return [];
        return (await db.Templates.AsNoTracking().Where(t => t.Event == eventName && t.Channel == parsed && t.Locale == locale)
            .OrderByDescending(t => t.Version).ToListAsync(ct)).Select(TemplateView.From).ToList();
    }
}
