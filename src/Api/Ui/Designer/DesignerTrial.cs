using Engine.Calendar;
using Engine.Definitions;
using Procedures.Calendar;

namespace Api.Ui.Designer;

/// <summary>One step as the trial passed it: when work on it starts and when it is due; for a human step, the routes and the one taken.</summary>
public sealed record TrialStep(string StepId, string Label, StepKind Kind, string? Branch, DateTimeOffset Start, DateTimeOffset? Due,
    IReadOnlyList<string> Routes, string? Route);

/// <summary>
/// A walk through a draft: its steps in the order passed, when the last one ends, the outcome reached, and the appointment the
/// receipt would give for the legal time limit. <see cref="Cut"/> is true when the walk went round a loop too often and stopped.
/// </summary>
public sealed record TrialRun(IReadOnlyList<TrialStep> Steps, DateTimeOffset FinishedAt, string? Outcome, DateTimeOffset? Appointment, bool Cut)
{
    public bool WithinAppointment => Appointment is null || FinishedAt <= Appointment;
}

/// <summary>
/// Walks a draft on the real working calendar without storing anything: each human step takes its whole budget (the latest it
/// may finish), a timer its duration, a parallel consultation as long as its slowest branch, and at each human step the route
/// the author chose (the first one otherwise). A step inside a branch is due no later than its branch.
/// </summary>
public sealed class DesignerTrial(WorkflowDefinition definition, IWorkingCalendar calendar, IReadOnlyDictionary<string, string> routes)
{
    private const int MaxSteps = 200;
    private readonly List<TrialStep> _steps = [];
    private string? _outcome;
    private bool _cut;

    public static TrialRun Run(WorkflowDefinition definition, DateTimeOffset receivedAt, IReadOnlyDictionary<string, string> routes,
        IWorkingCalendar calendar, VietnameseCalendar? appointments, LegalTimeLimit? catalogueLimit)
    {
        var trial = new DesignerTrial(definition, calendar, routes);
        var finished = trial.Walk(definition.StartStepId, receivedAt, stopAt: null, branch: null, branchDue: null);
        var limit = catalogueLimit ?? (definition.LegalLimit is { } l
            ? l.Unit == WorkingTimeUnit.Days ? LegalTimeLimit.WorkingDays(l.Amount) : LegalTimeLimit.WorkingHours(l.Amount)
            : null);
        var appointment = limit is not null && appointments is not null ? appointments.ComputeAppointment(receivedAt, limit) : (DateTimeOffset?)null;
        return new TrialRun(trial._steps, finished, trial._outcome, appointment, trial._cut);
    }

    private DateTimeOffset Walk(string? id, DateTimeOffset at, string? stopAt, string? branch, DateTimeOffset? branchDue)
    {
        while (id is not null && id != stopAt && definition.FindStep(id) is { } step)
        {
            if (_steps.Count >= MaxSteps) { _cut = true; return at; }
            var label = string.IsNullOrWhiteSpace(step.Title) ? step.Id : step.Title;
            switch (step.Kind)
            {
                case StepKind.Human:
                    var due = step.Budget is { Amount: > 0 } budget ? calendar.Add(at, budget) : at;
                    if (branchDue is { } cap && cap < due) due = cap;
                    var names = step.Actions.Select(a => a.Name).ToList();
                    var chosen = routes.TryGetValue(step.Id, out var wanted) && names.Contains(wanted) ? wanted : names.FirstOrDefault();
                    _steps.Add(new TrialStep(step.Id, label, step.Kind, branch, at, due, names, chosen));
                    at = due;
                    id = step.Actions.Find(a => a.Name == chosen)?.To;
                    break;
                case StepKind.Timer:
                    var until = step.Duration is { Amount: > 0 } duration ? calendar.Add(at, duration) : (DateTimeOffset?)null;
                    _steps.Add(new TrialStep(step.Id, label, step.Kind, branch, at, until, [], null));
                    at = until ?? at;
                    id = step.Next;
                    break;
                case StepKind.Split:
                    _steps.Add(new TrialStep(step.Id, label, step.Kind, branch, at, null, [], null));
                    var start = at;
                    foreach (var b in step.Branches)
                    {
                        var deadline = b.Budget is { Amount: > 0 } bb ? calendar.Add(start, bb) : (DateTimeOffset?)null;
                        var end = Walk(b.Start, start, step.Join, b.Name, deadline);
                        if (end > at) at = end;
                    }
                    id = step.Join;
                    break;
                case StepKind.End:
                    _steps.Add(new TrialStep(step.Id, label, step.Kind, branch, at, null, [], null));
                    _outcome ??= step.Outcome;
                    return at;
                default:
                    _steps.Add(new TrialStep(step.Id, label, step.Kind, branch, at, null, [], null));
                    id = step.Next;
                    break;
            }
        }
        return at;
    }
}
