using Api.Attachments;
using Api.Persistence;
using Engine.Definitions;
using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Citizens;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Ui;

/// <summary>Everything the dossier page shows, read through the same queries as <c>GET /api/v1/dossiers/{id}</c>.</summary>
/// <param name="Suspension">Why the workflow is suspended, so officials see why their actions are refused.</param>
/// <param name="RepairInstanceId">The workflow a system administrator may repair from this page.</param>
public sealed record DossierPageData(
    DossierDetails Dossier, IReadOnlyList<AttachmentView> Attachments, WorkflowDefinition? Definition, IReadOnlyList<string> DoneSteps,
    IReadOnlyList<AvailableAction> Actions, IReadOnlyList<UnitOfficialView> Specialists, string? Error,
    IReadOnlyList<SupplementSubmissionView>? OnlineSupplements = null, WorkflowSuspension? Suspension = null, Guid? RepairInstanceId = null,
    DirectionChoices? Direction = null);

/// <summary>What a leader of the processing unit may direct the dossier to now: the unit's sections and its specialists (theirs and the sections').</summary>
public sealed record DirectionChoices(IReadOnlyList<Admin.UnitChoice> Sections, IReadOnlyList<UnitOfficialView> Specialists, DateOnly Today, DateOnly? Appointment);

public static class DossierPageLoader
{
    /// <summary>
    /// The page of dossier <paramref name="id"/> for <paramref name="actorName"/>: Forbidden for anyone not an official in office
    /// (<see cref="OfficialDirectory.ActingAsync"/>), NotFound when the dossier does not exist or is not theirs to see.
    /// </summary>
    public static async Task<DomainResult<DossierPageData>> LoadAsync(IServiceProvider sp, string actorName, Guid id, CancellationToken ct = default)
    {
        var acting = await sp.GetRequiredService<OfficialDirectory>().ActingAsync(actorName, ct);
        if (acting.Error is { } notAnOfficial) return notAnOfficial;
        var actor = acting.Value!;
        var result = await sp.GetRequiredService<DossierQueries>().GetAsync(id, actorName, ct);
        if (result.Error is { } notFound) return notFound;
        var d = result.Value!;

        var attachments = await AttachmentView.OfDossierAsync(sp.GetRequiredService<ApiDb>(), id, ct);
        var instanceId = await sp.GetRequiredService<ProceduresDb>().Dossiers.AsNoTracking().Where(x => x.Id == id).Select(x => x.WorkflowInstanceId).SingleAsync(ct);
        var store = sp.GetRequiredService<DefinitionStore>();
        WorkflowDefinition? definition = null;
        IReadOnlyList<string> done = [];
        WorkflowSuspension? suspension = null;
        if (instanceId is { } instance && await sp.GetRequiredService<InstanceQueries>().GetAsync(instance, ct) is { } view)
        {
            definition = await store.GetAsync(view.Instance.DefinitionId, view.Instance.Version, ct);
            done = view.History.Select(h => h.FromStep).OfType<string>().Distinct().ToList();
            suspension = WorkflowSuspension.Of(view.Instance, view.History);
        }
        else
        {
            // Not received yet: the definition the receiving unit would start.
            var procedure = await sp.GetRequiredService<ProcedureDetailQuery>().HandleAsync(new GetProcedure(d.ProcedureId, IncludeInactive: true), ct);
            var competence = procedure.Value?.CompetentUnits.FirstOrDefault(c => c.UnitId == d.ReceivingUnitId) ?? procedure.Value?.CompetentUnits.FirstOrDefault();
            if (competence is not null) definition = await store.GetAsync(competence.WorkflowDefinitionId, competence.WorkflowVersion, ct);
        }

        // What the citizen sent online while the dossier waits for a supplement: the clerk checks it and receives it from here.
        var supplements = d.Status == DossierStatus.SupplementRequested
            ? await sp.GetRequiredService<SubmitSupplementHandler>().ForDossierAsync(id, ct) : [];
        var actions = OfficeActions.For(actor, d, definition, supplements);
        if (d.Dates.AppointmentAt is { } appointment && actions.Any(a => a.IsConsultation))
        {
            // The consultation form shows how much of the dossier's time is left, so its deadline can be kept inside it.
            var calendar = sp.GetRequiredService<Procedures.Calendar.CalendarProvider>().Current;
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var unitKey = d.ReceivingUnitId.ToString();
            var day = (decimal)(calendar.Settings.UnitOfficeHours.TryGetValue(unitKey, out var own) ? own : calendar.Settings.DefaultOfficeHours).Length.TotalHours;
            var left = now <= appointment ? calendar.WorkingHoursBetween(now, appointment, unitKey) : -calendar.WorkingHoursBetween(appointment, now, unitKey);
            var days = Math.Round(left / day, 1, MidpointRounding.AwayFromZero);
            actions = actions.Select(a => a.IsConsultation ? a with { AppointmentAt = appointment, RemainingDays = days } : a).ToList();
        }
        IReadOnlyList<UnitOfficialView> specialists = [];
        if (actions.Any(a => a.Name == "assign") && d.OpenWorkItems.FirstOrDefault(w => w.StepId == DossierSteps.Assign)?.UnitId is { } unitText
            && Guid.TryParse(unitText, out var unit))
        {
            // The step's unit and the sections of it the leader works in (a commune's economy section acts for the commune).
            var units = actor.Memberships.Where(m => m.Covers(unit)).Select(m => m.UnitId).Append(unit).Distinct();
            var found = new List<UnitOfficialView>();
            foreach (var u in units)
                found.AddRange((await sp.GetRequiredService<UnitOfficialsQuery>().HandleAsync(actor, new ListUnitOfficials(u), ct)).Value ?? []);
            specialists = found.Where(o => o.Roles.Contains(Role.Specialist)).DistinctBy(o => o.UserName).ToList();
        }
        return new DossierPageData(d, attachments, definition, done, actions, specialists, null, supplements, suspension,
            actor.IsSystemAdmin ? instanceId : null, await DirectionChoicesAsync(sp, actor, d, ct));
    }

    /// <summary>For a leader or deputy of the processing unit while the dossier waits for assignment or sits with a specialist; null otherwise.</summary>
    private static async Task<DirectionChoices?> DirectionChoicesAsync(IServiceProvider sp, Actor actor, DossierDetails d, CancellationToken ct)
    {
        var unit = d.ProcessingUnitId;
        var unitText = unit.ToString();
        if (!actor.HasRole(Role.UnitLeader, unit)
            || !d.OpenWorkItems.Any(w => w.UnitId == unitText && (w.StepId == DossierSteps.Assign || w.Role == Role.Specialist.ToWorkflowRole())))
            return null;
        var db = sp.GetRequiredService<ProceduresDb>();
        var sections = await db.Units.AsNoTracking().Where(u => u.ParentId == unit && u.TypeCode == DefaultUnitTypes.Section).OrderBy(u => u.Name)
            .Select(u => new Admin.UnitChoice(u.Id, u.Name)).ToListAsync(ct);
        var specialists = await LeaderDesk.SpecialistsAsync(sp, actor, [unit], ct);
        var clock = sp.GetRequiredService<TimeProvider>();
        DateOnly? appointment = d.Dates.AppointmentAt is { } a ? Procedures.Common.VietnamTime.DateOf(a) : null;
        return new DirectionChoices(sections, specialists, clock.Today(), appointment);
    }
}
