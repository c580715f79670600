using Engine.Incidents;
using Engine.Queries;
using Engine.Runtime;

namespace Procedures.Dossiers;

/// <summary>Why a dossier's workflow is suspended, by whom and since when: the dossier page and the repair page say it.</summary>
public sealed record WorkflowSuspension(DateTimeOffset At, string? By, string? Reason)
{
    /// <summary>The latest suspension of a suspended instance; null while it runs or once it has ended.</summary>
    public static WorkflowSuspension? Of(InstanceSummary instance, IEnumerable<HistoryEntry> history) =>
        instance.Status != nameof(InstanceStatus.Suspended) ? null
        : history.Where(h => h.Kind == "Suspended").MaxBy(h => h.Id) is { } latest ? new(latest.At, latest.Actor, latest.Comment)
        : new(instance.UpdatedAt, null, null);
}

/// <summary>
/// The dossier a workflow belongs to, as an operator needs it: no personal data. <paramref name="Revision"/> is the one a repair
/// sends back as its expected revision, so that a dossier changed since the page showed it is not repaired blind.
/// </summary>
public sealed record RepairDossier(Guid Id, string? Code, DossierStatus Status, string StatusVi, string StatusEn, string ProcedureName,
    Guid ReceivingUnitId, Guid ProcessingUnitId, int Revision);

/// <summary>
/// A step of the instance's definition version, to name steps and to offer them as a move's target; <paramref name="ActionTitles"/>
/// names its actions (by action name) as the definition titles them.
/// </summary>
public sealed record RepairStep(string Id, string Title, string Kind, IReadOnlyDictionary<string, string>? ActionTitles = null);

/// <summary>A work item an operator cancelled; <paramref name="CanReopen"/> while its path still waits at the step with nothing open.</summary>
public sealed record CancelledWorkItem(Guid Id, string StepId, string Role, string? UnitId, string? Assignee, DateTimeOffset CancelledAt,
    string? CancelledBy, string? Reason, bool CanReopen);

/// <summary>
/// Everything the repair page shows of a dossier's workflow: the engine's detail (paths, open work, timers, incidents, history
/// newest first), the definition's steps, the dossier, the cancelled work items, and the names of the units involved.
/// </summary>
public sealed record WorkflowRepairView(InstanceDetail Workflow, string DefinitionTitle, RepairDossier? Dossier, IReadOnlyList<RepairStep> Steps,
    IReadOnlyList<CancelledWorkItem> CancelledWorkItems, IReadOnlyDictionary<string, string> UnitNames, WorkflowSuspension? Suspension)
{
    /// <summary>Whether the instance can still be repaired: it has not ended.</summary>
    public bool IsLive => Workflow.Instance.Status is nameof(InstanceStatus.Running) or nameof(InstanceStatus.Suspended);

    public string StepTitle(string? stepId) => stepId is null ? "—" : Steps.FirstOrDefault(s => s.Id == stepId)?.Title ?? stepId;

    /// <summary>
    /// An action as the definition titles it at the step it was taken from, else at any step (the history may lack the step),
    /// else its name: the history page shows "Tiếp nhận, lập phiếu hẹn", not <c>accept</c>.
    /// </summary>
    public string ActionTitle(string? stepId, string action) =>
        Steps.FirstOrDefault(s => s.Id == stepId)?.ActionTitles?.GetValueOrDefault(action)
        ?? Steps.Select(s => s.ActionTitles?.GetValueOrDefault(action)).FirstOrDefault(t => t is not null)
        ?? action;

    public string UnitName(string? unitId) => unitId is null ? "—" : UnitNames.GetValueOrDefault(unitId, unitId);
}

/// <summary>An incident with what the product knows of it: the dossier, the definition's and step's titles, the unit's name.</summary>
public sealed record IncidentRow(IncidentView Incident, Guid? DossierId, string? DefinitionTitle, string? StepTitle, string? UnitName);

public sealed record IncidentPage(IReadOnlyList<IncidentRow> Items, int Total, int Skip, int Take);

/// <summary>
/// Which incidents to list: without a status the unresolved ones; a unit includes the units under it (a commune's incidents
/// include its one-stop shop's); <paramref name="OlderThanHours"/> keeps those first seen at least that long ago.
/// </summary>
public sealed record IncidentQuery(string? Status = null, string? DefinitionId = null, Guid? UnitId = null, int? OlderThanHours = null,
    int Skip = 0, int Take = 50);
