using Microsoft.EntityFrameworkCore;
using Api.Dossiers;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Api.Ui;

/// <summary>A specialist of the leader's units with the open steps in their hands.</summary>
public sealed record SpecialistLoad(string UserName, string FullName, int Open, int DueSoon, int Overdue);

/// <summary>What the leader's page shows: workload, the units' overdue steps and the steps waiting for this leader.</summary>
public sealed record LeaderDeskData(IReadOnlyList<SpecialistLoad> Workload, IReadOnlyList<InboxItem> Overdue, IReadOnlyList<InboxItem> Waiting,
    IReadOnlyList<UnitOfficialView> Specialists, int WaitingTotal = 0, bool WaitingTotalIsLowerBound = false, int WaitingPage = 1);

/// <summary>
/// The leader's view (section heads, unit leaders and deputies): read through the inbox query and the unit officials query, for
/// the units where the official holds one of those roles only.
/// </summary>
public static class LeaderDesk
{
    public static readonly IReadOnlySet<Role> LeaderRoles = new HashSet<Role> { Role.SectionHead, Role.UnitLeader, Role.DeputyLeader };

    public const int ListSize = 100;

    /// <summary>Steps waiting for the leader per page; the list is paged by the database, however long it is.</summary>
    public const int WaitingPageSize = 50;

    public static bool IsLeader(Actor actor) => actor.Memberships.Any(m => m.Roles.Any(LeaderRoles.Contains));

    /// <summary>The units the official leads (and the units their sections act for).</summary>
    public static IReadOnlyList<Guid> LedUnits(Actor actor) => actor.Memberships.Where(m => m.Roles.Any(LeaderRoles.Contains))
        .SelectMany(m => m.ActsForUnitId is { } parent ? [m.UnitId, parent] : new[] { m.UnitId }).Distinct().ToList();

    /// <summary>Who is not a leader today (a membership ended, another role) is refused, not shown an empty desk.</summary>
    public static DomainError NotALeader { get; } = DomainError.Forbidden(
        "Trang này dành cho lãnh đạo phòng, lãnh đạo đơn vị đang công tác.", "This page is for the section heads and unit leaders in office.");

    /// <summary>The desk of <paramref name="userName"/>: Forbidden for anyone not an official in office (<see cref="OfficialDirectory.ActingAsync"/>) or not a leader.</summary>
    public static async Task<DomainResult<LeaderDeskData>> LoadAsync(IServiceProvider sp, string userName, int waitingPage = 1, CancellationToken ct = default)
    {
        var acting = await sp.GetRequiredService<OfficialDirectory>().ActingAsync(userName, ct);
        if (acting.Error is { } notAnOfficial) return notAnOfficial;
        var actor = acting.Value!;
        if (!IsLeader(actor)) return NotALeader;
        var units = LedUnits(actor);
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var calendar = sp.GetRequiredService<CalendarProvider>();
        var soon = calendar.Current.Add(now, calendar.DossierRules.DueSoon).ToUniversalTime();
        var inbox = sp.GetRequiredService<InboxQuery>();

        var specialists = await SpecialistsAsync(sp, actor, units, ct);
        var loads = (await sp.GetRequiredService<WorkloadQuery>().ForUnitsAsync(units, now, soon, ct)).ToDictionary(w => w.UserName);
        var workload = specialists.Select(s => loads.GetValueOrDefault(s.UserName) is { } l
                ? new SpecialistLoad(s.UserName, s.FullName, l.Open, l.DueSoon, l.Overdue) : new SpecialistLoad(s.UserName, s.FullName, 0, 0, 0))
            .OrderByDescending(l => l.Overdue).ThenByDescending(l => l.Open).ToList();

        var overdue = new List<InboxItem>();
        foreach (var unit in units)
            overdue.AddRange((await inbox.ListAsync(actor, InboxScope.Overdue, unit, now, soon, 1, ListSize, ct)).Items);
        var leaderRoles = LeaderRoles.Select(r => r.ToWorkflowRole()).ToList();
        var waiting = await inbox.ListAsync(actor, InboxScope.Mine, null, now, soon, Math.Max(1, waitingPage), WaitingPageSize, ct, roles: leaderRoles);
        return new LeaderDeskData(workload, overdue.DistinctBy(i => i.WorkItemId).OrderBy(i => i.DueAt).ToList(), waiting.Items, specialists,
            waiting.Total, waiting.TotalIsLowerBound, waiting.Page);
    }

    /// <summary>The specialists of the led units and their sections, through the same query as the assign form of the dossier page.</summary>
    public static async Task<IReadOnlyList<UnitOfficialView>> SpecialistsAsync(IServiceProvider sp, Actor actor, IEnumerable<Guid> units, CancellationToken ct)
    {
        var found = new List<UnitOfficialView>();
        // Specialists sit in the unit's sections (an economy section, the office), which act for the unit: count them with it.
        var led = units.ToList();
        var db = sp.GetRequiredService<Procedures.Persistence.ProceduresDb>();
        var sections = await db.Units.AsNoTracking().Where(u => u.ParentId != null && led.Contains(u.ParentId.Value) && u.TypeCode == DefaultUnitTypes.Section)
            .Select(u => u.Id).ToListAsync(ct);
        foreach (var unit in led.Concat(sections).Distinct())
            found.AddRange((await sp.GetRequiredService<UnitOfficialsQuery>().HandleAsync(actor, new ListUnitOfficials(unit), ct)).Value ?? []);
        return found.Where(o => o.Roles.Contains(Role.Specialist)).DistinctBy(o => o.UserName).ToList();
    }
}
