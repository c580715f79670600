using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

public enum DeadlineState { DueSoon, Overdue }

public sealed record DossierDeadline(Guid DossierId, string? Code, DossierStatus Status, Guid ProcessingUnitId, DateTimeOffset AppointmentAt,
    DeadlineState State, bool ApologyIssued);

public sealed record WorkItemDeadline(Guid DossierId, string? Code, Guid WorkItemId, string StepId, string? Title, string Role, string? UnitId,
    string? Assignee, DateTimeOffset DueAt, DeadlineState State);

public sealed record DeadlineReport(DateTimeOffset At, DateTimeOffset DueSoonBefore, IReadOnlyList<DossierDeadline> Dossiers, IReadOnlyList<WorkItemDeadline> WorkItems);

/// <summary>
/// What is late or about to be, in the actor's units: dossiers whose appointment passed (or comes within
/// <see cref="DossierRules.DueSoon"/> working time) while the clock runs — a dossier waiting for the citizen's
/// supplement is not the agency's delay — and open work items past (or near) their step's due time.
/// </summary>
public sealed class OverdueQueries(ProceduresDb db, WorkItemQueries workItems, OfficialDirectory officials, CalendarProvider calendar,
    TimeProvider clock)
{
    private const int Limit = 500;

    public async Task<DomainResult<DeadlineReport>> ListAsync(string actorName, CancellationToken ct = default)
    {
        var actor = await officials.FindAsync(actorName ?? "", ct);
        if (actor is null) return DomainError.Forbidden("Không xác định được cán bộ.", "Unknown official.");
        var now = clock.GetUtcNow();
        var soon = calendar.Current.Add(now, calendar.DossierRules.DueSoon).ToUniversalTime();
        var units = actor.UnitIds.ToList();

        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.Status == DossierStatus.Accepted || d.Status == DossierStatus.Processing || d.Status == DossierStatus.FinancialObligation)
            .Where(d => d.AppointmentAt < soon && (units.Contains(d.ReceivingUnitId) || units.Contains(d.ProcessingUnitId)))
            .OrderBy(d => d.AppointmentAt).Take(Limit).ToListAsync(ct);

        var unitKeys = units.Select(u => u.ToString()).ToList();
        var overdue = await workItems.ListAsync(new WorkItemFilter { Units = unitKeys, OverdueOnly = true, Now = now, Take = Limit }, ct);
        var dueSoon = await workItems.ListAsync(new WorkItemFilter { Units = unitKeys, DueBefore = soon, Now = now, Take = Limit }, ct);
        // The step waiting for the citizen's supplement runs on the citizen's clock, not an official's.
        var items = overdue.Items.Select(w => (w, DeadlineState.Overdue)).Concat(dueSoon.Items.Select(w => (w, DeadlineState.DueSoon)))
            .Where(x => x.w.StepId != DossierSteps.AwaitSupplement).ToList();
        var instanceIds = items.Select(x => (Guid?)x.w.InstanceId).Distinct().ToList();
        var byInstance = await db.Dossiers.AsNoTracking().Where(d => instanceIds.Contains(d.WorkflowInstanceId))
            .Select(d => new { d.Id, d.Code, d.WorkflowInstanceId }).ToDictionaryAsync(d => d.WorkflowInstanceId!.Value, ct);

        return new DeadlineReport(now, soon,
            dossiers.Select(d => new DossierDeadline(d.Id, d.Code, d.Status, d.ProcessingUnitId, d.AppointmentAt!.Value,
                d.AppointmentAt < now ? DeadlineState.Overdue : DeadlineState.DueSoon, d.ApologyAt is not null)).ToList(),
            items.Where(x => byInstance.ContainsKey(x.w.InstanceId) && x.w.DueAt is not null)
                .Select(x => new WorkItemDeadline(byInstance[x.w.InstanceId].Id, byInstance[x.w.InstanceId].Code, x.w.Id, x.w.StepId, x.w.Title,
                    x.w.Role, x.w.UnitId, x.w.Assignee, x.w.DueAt!.Value, x.Item2)).ToList());
    }
}
