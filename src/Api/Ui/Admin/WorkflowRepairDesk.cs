using Api.Admin;
using Engine.Outbox;
using Procedures.Common;
using Procedures.Dossiers;

namespace Api.Ui.Admin;

/// <summary>
/// The repairs the incident, parked-message and workflow pages offer, run as the signed-in administrator through the same use cases as the
/// endpoints, with the same audit actions and resources (the instance, work item, timer or incident repaired). A repair of the dossier's
/// workflow carries the dossier's revision the page showed (<c>shownRevision</c>): a dossier changed since is refused as stale, unrepaired.
/// </summary>
public static class WorkflowRepairDesk
{
    public static Task<DomainResult<WorkflowRepaired>> SuspendAsync(this AdminDesk desk, Guid instance, int? shownRevision, string reason) =>
        desk.RunAsync("instance.suspend", "instance", (sp, actor) =>
            sp.GetRequiredService<SuspendWorkflowHandler>().HandleAsync(new SuspendWorkflow(instance, actor.UserName, reason, shownRevision)), _ => instance);

    public static Task<DomainResult<WorkflowRepaired>> ResumeAsync(this AdminDesk desk, Guid instance, int? shownRevision, string reason) =>
        desk.RunAsync("instance.resume", "instance", (sp, actor) =>
            sp.GetRequiredService<ResumeWorkflowHandler>().HandleAsync(new ResumeWorkflow(instance, actor.UserName, reason, shownRevision)), _ => instance);

    public static Task<DomainResult<WorkflowRepaired>> MoveAsync(this AdminDesk desk, Guid instance, int? shownRevision, Guid path, string toStep, string reason) =>
        desk.RunAsync("instance.move", "instance", (sp, actor) =>
            sp.GetRequiredService<MoveWorkflowPathHandler>().HandleAsync(new MoveWorkflowPath(instance, actor.UserName, toStep, reason, TokenId: path, ExpectedRevision: shownRevision)), _ => instance);

    public static Task<DomainResult<WorkflowRepaired>> CancelWorkItemAsync(this AdminDesk desk, Guid item, int? shownRevision, string reason) =>
        desk.RunAsync("work-item.cancel", "work-item", (sp, actor) =>
            sp.GetRequiredService<CancelWorkItemHandler>().HandleAsync(new CancelWorkItem(item, actor.UserName, reason, shownRevision)), _ => item);

    public static Task<DomainResult<WorkflowRepaired>> ReopenWorkItemAsync(this AdminDesk desk, Guid item, int? shownRevision, string reason) =>
        desk.RunAsync("work-item.reopen", "work-item", (sp, actor) =>
            sp.GetRequiredService<ReopenWorkItemHandler>().HandleAsync(new ReopenWorkItem(item, actor.UserName, reason, shownRevision)), _ => item);

    public static Task<DomainResult<TimerRetried>> RetryTimerAsync(this AdminDesk desk, Guid timer, string reason) =>
        desk.RunAsync("timer.retry", "timer", (sp, actor) => sp.GetRequiredService<EngineRepairs>().RetryTimerAsync(timer, actor.UserName, reason), _ => timer);

    public static Task<DomainResult<IncidentRow>> RetryIncidentAsync(this AdminDesk desk, Guid incident, string reason) =>
        desk.RunAsync("incident.retry", "incident", (sp, actor) => sp.GetRequiredService<EngineRepairs>().RetryIncidentAsync(incident, actor.UserName, reason), _ => incident);

    public static Task<DomainResult<IncidentRow>> ResolveIncidentAsync(this AdminDesk desk, Guid incident, string reason) =>
        desk.RunAsync("incident.resolve", "incident", (sp, actor) => sp.GetRequiredService<EngineRepairs>().ResolveIncidentAsync(incident, actor.UserName, reason), _ => incident);

    public static Task<DomainResult<ParkedMessageResolution>> ReplayMessageAsync(this AdminDesk desk, Guid message, string reason) =>
        desk.RunAsync("message.replay", "outbox-message", (sp, actor) => sp.GetRequiredService<EngineRepairs>().ReplayMessageAsync(message, actor.UserName, reason), _ => message);

    public static Task<DomainResult<ParkedMessageResolution>> DiscardMessageAsync(this AdminDesk desk, Guid message, string reason) =>
        desk.RunAsync("message.discard", "outbox-message", (sp, actor) => sp.GetRequiredService<EngineRepairs>().DiscardMessageAsync(message, actor.UserName, reason), _ => message);
}
