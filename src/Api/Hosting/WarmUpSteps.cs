using System.Text.Json;
using Api.Attachments;
using Api.Dossiers;
using Api.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Hosting;

/// <summary>
/// An official's hot reads, as the endpoints make them: their inbox page and counts, the first dossier in it (the page
/// statement and its attachments), a search by its code, and public tracking of that code with a wrong second factor
/// (the same statements as a right one up to the answer). The responses are serialised with the API's JSON options.
/// The official is one who has open work, chosen once; the steps write nothing (no audit row: that is the endpoints' filter).
/// </summary>
public sealed class OfficialReadsWarmUp : IWarmUpStep
{
    private (string UserName, Guid DossierId, string? Code)? _subject;
    private bool _looked;

    public string Name => "inbox, dossier page, search, tracking";

    public async Task<bool> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        if (!_looked) (_subject, _looked) = (await FindSubjectAsync(services, ct), true);
        if (_subject is not { } s) return false;

        var officials = services.GetRequiredService<OfficialDirectory>();
        var actor = (await officials.ActingAsync(s.UserName, ct)).Value!;
        var calendar = services.GetRequiredService<CalendarProvider>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var soon = calendar.Current.Add(now, calendar.DossierRules.DueSoon).ToUniversalTime();
        var inbox = services.GetRequiredService<InboxQuery>();
        await JsonSerializer.SerializeAsync(Stream.Null, await inbox.ListAsync(actor, InboxScope.Mine, null, now, soon, 1, 20, ct), json, ct);
        await JsonSerializer.SerializeAsync(Stream.Null, await inbox.CountsAsync(actor, now, soon, ct), json, ct);

        var queries = services.GetRequiredService<DossierQueries>();
        var page = await queries.GetAsync(s.DossierId, s.UserName, ct);
        var attachments = await AttachmentView.OfDossierAsync(services.GetRequiredService<ApiDb>(), s.DossierId, ct);
        if (page.Value is { } details)
            await JsonSerializer.SerializeAsync(Stream.Null, new DossierDetailResponse(details, attachments, details.Revision), json, ct);
        if (s.Code is { } code)
        {
            var found = await queries.SearchAsync(new DossierSearch(s.UserName, Code: code), ct);
            if (found.Value is { } hits) await JsonSerializer.SerializeAsync(Stream.Null, hits, json, ct);
            await queries.TrackAsync(code, "0000", ct);
        }
        return true;
    }

    /// <summary>The first active official (by user name) with open work in their inbox, and that work's dossier.</summary>
    private static async Task<(string, Guid, string?)?> FindSubjectAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ProceduresDb>();
        var names = await db.Officials.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.UserName).Select(o => o.UserName).Take(50).ToListAsync(ct);
        var officials = services.GetRequiredService<OfficialDirectory>();
        var inbox = services.GetRequiredService<InboxQuery>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var name in names)
        {
            if (await officials.FindAsync(name, ct) is not { } actor) continue;
            var page = await inbox.ListAsync(actor, InboxScope.Mine, null, now, now, 1, 1, ct);
            if (page.Items is [var first, ..]) return (name, first.DossierId, first.DossierCode);
        }
        return null;
    }
}

/// <summary>The public catalogue's first page, as citizens open it.</summary>
public sealed class CatalogueWarmUp : IWarmUpStep
{
    public string Name => "catalogue";

    public async Task<bool> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var page = await services.GetRequiredService<SearchCatalogueQuery>().HandleAsync(new SearchCatalogue(), ct);
        await JsonSerializer.SerializeAsync(Stream.Null, page.Value, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, ct);
        return page.Value is { Items.Count: > 0 };
    }
}
