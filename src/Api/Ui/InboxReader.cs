using Api.Dossiers;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Api.Ui;

/// <summary>The inbox page's reads: the same query and due-soon window as <c>/api/v1/inbox</c>, with the UI's sort and text filter.</summary>
public sealed class InboxReader(InboxQuery query, OfficialDirectory officials, CalendarProvider calendar, TimeProvider clock)
{
    /// <summary>A page of the inbox of <paramref name="userName"/>; Forbidden for anyone not an official in office (<see cref="OfficialDirectory.ActingAsync"/>).</summary>
    public async Task<DomainResult<InboxPage>> PageAsync(string userName, InboxScope scope, int page, int pageSize, InboxSort sort, string? text,
        CancellationToken ct = default)
    {
        var acting = await officials.ActingAsync(userName, ct);
        if (acting.Error is { } notAnOfficial) return notAnOfficial;
        var actor = acting.Value!;
        var now = clock.GetUtcNow();
        var soon = calendar.Current.Add(now, calendar.DossierRules.DueSoon).ToUniversalTime();
        return await query.ListAsync(actor, scope, null, now, soon, page, pageSize, ct, sort, text);
    }

    /// <summary>How many open steps each tab holds (exact up to the query's count limit).</summary>
    public async Task<IReadOnlyDictionary<InboxScope, int>> CountsAsync(string userName, CancellationToken ct = default)
    {
        if ((await officials.ActingAsync(userName, ct)).Value is not { } actor) return new Dictionary<InboxScope, int>();
        var now = clock.GetUtcNow();
        return await query.CountsAsync(actor, now, calendar.Current.Add(now, calendar.DossierRules.DueSoon).ToUniversalTime(), ct);
    }

    /// <summary>Due within the due-soon window (one working day by default) but not yet overdue.</summary>
    public bool IsDueSoon(InboxItem item)
    {
        if (item.DueAt is not { } due || item.IsOverdue) return false;
        return due < calendar.Current.Add(clock.GetUtcNow(), calendar.DossierRules.DueSoon);
    }
}
