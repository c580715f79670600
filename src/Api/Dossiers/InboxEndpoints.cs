using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Api.Dossiers;

public static class InboxEndpoints
{
    public static void Map(WebApplication app)
    {
        var inbox = app.MapGroup("/api/v1/inbox").WithTags("Inbox").RequireAuthorization(Policies.Official);
        inbox.MapGet("/mine", (HttpContext http, InboxDeps deps, int page = 1, int pageSize = 20) => ListAsync(http, deps, InboxScope.Mine, null, page, pageSize))
            .Audited("inbox.mine", "inbox").WithName("MyInbox").WithSummary("Hồ sơ chờ tôi xử lý")
            .WithDescription("Open steps assigned to me, or waiting in the queue of a role I hold in that unit; soonest due first.");
        inbox.MapGet("/unit", (HttpContext http, InboxDeps deps, Guid? unitId = null, int page = 1, int pageSize = 20) => ListAsync(http, deps, InboxScope.Unit, unitId, page, pageSize))
            .Audited("inbox.unit", "inbox").WithName("UnitInbox").WithSummary("Hồ sơ đang xử lý tại đơn vị của tôi");
        inbox.MapGet("/due-soon", (HttpContext http, InboxDeps deps, Guid? unitId = null, int page = 1, int pageSize = 20) => ListAsync(http, deps, InboxScope.DueSoon, unitId, page, pageSize))
            .Audited("inbox.due-soon", "inbox").WithName("DueSoonInbox").WithSummary("Hồ sơ sắp đến hạn").WithDescription("Open steps of my units due within one working day.");
        inbox.MapGet("/overdue", (HttpContext http, InboxDeps deps, Guid? unitId = null, int page = 1, int pageSize = 20) => ListAsync(http, deps, InboxScope.Overdue, unitId, page, pageSize))
            .Audited("inbox.overdue", "inbox").WithName("OverdueInbox").WithSummary("Hồ sơ quá hạn");
        inbox.MapGet("/deadlines", DeadlinesAsync).Audited("inbox.deadlines", "inbox").WithName("Deadlines")
            .WithSummary("Hồ sơ quá hạn, sắp đến hạn hẹn trả").WithDescription("Dossiers whose appointment passed or is near while the clock runs, and late or nearly late steps, of my units.");
    }

    /// <summary>What the inbox endpoints need, injected as one.</summary>
    public sealed record InboxDeps(InboxQuery Query, OfficialDirectory Officials, CalendarProvider Calendar, TimeProvider Clock);

    private static async Task<Results<Ok<InboxPage>, ProblemHttpResult>> ListAsync(HttpContext http, InboxDeps deps, InboxScope scope, Guid? unitId, int page, int pageSize)
    {
        if (page < 1) return Problem.Invalid(http, "page", "out-of-range", "Số trang phải từ 1.", "Page must be 1 or more.");
        if (pageSize is < 1 or > 200) return Problem.Invalid(http, "pageSize", "out-of-range", "Cỡ trang từ 1 đến 200.", "Page size must be 1 to 200.");
        var acting = await deps.Officials.ActingAsync(CurrentUser.Of(http).Name, http.RequestAborted);
        if (acting.Error is { } notOfficial) return Problem.From(http, notOfficial);
        var actor = acting.Value!;
        if (unitId is { } unit && !actor.BelongsTo(unit)) return Problem.NotFound(http, "unit", "đơn vị");
        var now = deps.Clock.GetUtcNow();
        var soon = deps.Calendar.Current.Add(now, deps.Calendar.DossierRules.DueSoon).ToUniversalTime();
        return TypedResults.Ok(await deps.Query.ListAsync(actor, scope, unitId, now, soon, page, pageSize, http.RequestAborted));
    }

    private static async Task<Results<Ok<DeadlineReport>, ProblemHttpResult>> DeadlinesAsync(HttpContext http, OverdueQueries queries)
    {
        var result = await queries.ListAsync(CurrentUser.Of(http).Name, http.RequestAborted);
        return Problem.Answer(http, result);
    }
}
