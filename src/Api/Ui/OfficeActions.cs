using Api.Dossiers;
using Engine.Definitions;
using Engine.Queries;
using Engine.Runtime;
using Procedures.Catalogue;
using Procedures.Citizens;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Api.Ui;

/// <summary>An action the signed-in official may take on a dossier now, with what its form asks for.</summary>
/// <param name="Name">The workflow action (<c>assign</c>, <c>submit</c>, <c>approve</c>, ...) or <c>receive-online</c> for a registered submission.</param>
/// <param name="Pending">For <c>supplement-received</c>: the documents still missing, which the clerk ticks as handed in.</param>
/// <param name="OnlineFiles">For <c>supplement-received</c>: the files the citizen sent online as the supplement.</param>
/// <param name="AppointmentAt">For <c>consult</c>: the dossier's appointment, which a consultation deadline should not pass.</param>
/// <param name="RemainingDays">For <c>consult</c>: the dossier's working days left until its appointment (negative once overdue).</param>
public sealed record AvailableAction(string Name, string Title, string StepId, IReadOnlyList<FormField> Fields, bool CommentRequired,
    IReadOnlyList<Procedures.Dossiers.DocumentView>? Pending = null, IReadOnlyList<SubmittedDocument>? OnlineFiles = null,
    DateTimeOffset? AppointmentAt = null, decimal? RemainingDays = null)
{
    /// <summary>The action asks other agencies for their opinion (its step, or the branches it splits into, are a consulted officer's).</summary>
    public bool IsConsultation { get; init; }
}

/// <summary>What the official types into an action's form.</summary>
public sealed record ActionInput(string Name, string? Comment = null, string? Specialist = null, IReadOnlyList<string>? MissingItems = null,
    IReadOnlyDictionary<string, string>? Fields = null, ReceptionDecision Decision = ReceptionDecision.Accept, IReadOnlyList<HandedDocument>? Documents = null,
    string? LateDeadlineReason = null, bool IsConsultation = false);

/// <summary>
/// The dossier page's actions: which open steps the official may work on (assigned, claimed, or in the queue of a role they hold
/// in the step's unit) and the use cases of src/Procedures that carry them out. The use cases check everything again.
/// </summary>
public static class OfficeActions
{
    /// <summary>
    /// The workflow actions the dossier page offers, besides the actions that lead to a consulted agency's step (whatever their
    /// name); others (withdrawal) stay with the API for now.
    /// </summary>
    public static readonly IReadOnlySet<string> Supported = new HashSet<string> { "assign", "submit", "request-supplement", "supplement-received", "refuse", "approve", "send-back", "sign", "return" };

    /// <summary>Leads to a consulted officer's step, directly or through a split.</summary>
    public static bool IsConsultation(WorkflowDefinition? definition, string? to) =>
        definition?.FindStep(to ?? "") is { } target && (target.Role == StepRoles.ConsultedOfficer
            || target.Kind == StepKind.Split && target.Branches.Any(b => definition.FindStep(b.Start)?.Role == StepRoles.ConsultedOfficer));

    public static bool MayWorkOn(Actor actor, WorkItemView item) =>
        item.Assignee == actor.UserName || item.ClaimedBy == actor.UserName
        || item.Assignee is null && item.ClaimedBy is null && Guid.TryParse(item.UnitId, out var unit) && actor.HasWorkflowRole(item.Role, unit);

    public static IReadOnlyList<AvailableAction> For(Actor actor, DossierDetails dossier, WorkflowDefinition? definition,
        IReadOnlyList<SupplementSubmissionView>? supplements = null)
    {
        var actions = new List<AvailableAction>();
        if (dossier.Status == DossierStatus.Registered && actor.HasRole(Role.Clerk, dossier.ReceivingUnitId))
            actions.Add(new AvailableAction("receive-online", UiServices.IsEnglish ? "Check and receive the online submission" : "Kiểm tra, tiếp nhận hồ sơ trực tuyến",
                "receive", [], false));
        foreach (var item in dossier.OpenWorkItems.Where(i => MayWorkOn(actor, i)))
        {
            var step = definition?.FindStep(item.StepId);
            foreach (var a in step?.Actions ?? [])
            {
                var consultation = IsConsultation(definition, a.To);
                if (!Supported.Contains(a.Name) && !consultation || actions.Any(x => x.Name == a.Name)) continue;
                var fields = step!.Form.Where(f => a.Requires.Contains(f.Name) || a.Name == "submit" && f.Name != "missingItems").ToList();
                actions.Add(a.Name == "supplement-received"
                    ? new AvailableAction(a.Name, a.Title ?? a.Name, item.StepId, [], false, Pending(dossier), supplements?.SelectMany(s => s.Documents).ToList() ?? [])
                    : new AvailableAction(a.Name, a.Title ?? a.Name, item.StepId, fields, a.CommentRequired || consultation || a.Name is "refuse" or "send-back")
                    {
                        IsConsultation = consultation,
                    });
            }
        }
        return actions;
    }

    /// <summary>
    /// What a supplement may bring: the procedure's documents not provided yet, and the other items the supplement request listed
    /// (a clearer scan, a paper outside the procedure's list), which are handed in by name.
    /// </summary>
    public static IReadOnlyList<Procedures.Dossiers.DocumentView> Pending(DossierDetails dossier)
    {
        var pending = dossier.Documents.Where(d => !d.Provided).ToList();
        pending.AddRange(dossier.MissingItems.Where(m => pending.All(p => p.Name != m))
            .Select(m => new Procedures.Dossiers.DocumentView(Guid.NewGuid(), null, m, 1, DocumentForm.Copy, false, true, null)));
        // What the request asked for first; optional papers not handed in yet after them.
        return pending.OrderBy(d => dossier.MissingItems.Contains(d.Name) ? 0 : 1).ToList();
    }

    /// <summary>
    /// Runs the use case behind <paramref name="input"/> on the dossier as the page showed it (<paramref name="shownRevision"/>): a dossier
    /// changed since answers the stale message and nothing moves. The error text in the UI's language, or null when it went through.
    /// </summary>
    public static async Task<string?> RunAsync(IServiceProvider sp, string actor, Guid dossierId, int shownRevision, ActionInput input,
        CancellationToken ct = default)
    {
        T Get<T>() where T : notnull => sp.GetRequiredService<T>();
        var missing = input.MissingItems ?? [];
        DomainError? error = input.IsConsultation
            ? (await Get<RequestConsultationHandler>().HandleAsync(new RequestConsultation(dossierId, actor, input.Comment ?? "", null, input.Name,
                input.Fields, input.LateDeadlineReason, shownRevision), ct)).Error
            : input.Name switch
        {
            "receive-online" => (await Get<ReceiveDossierHandler>().HandleAsync(new ReceiveOnlineSubmission(actor, dossierId, input.Decision, input.Comment,
                missing.Count > 0 ? missing : null, null, null, null, shownRevision), ct)).Error,
            "assign" => (await Get<AssignDossierHandler>().HandleAsync(new AssignDossier(dossierId, actor, input.Specialist ?? "", input.Comment, shownRevision), ct)).Error,
            "submit" => (await Get<SubmitAppraisalHandler>().HandleAsync(new SubmitAppraisal(dossierId, actor, input.Comment ?? "", Fields: input.Fields, ExpectedRevision: shownRevision), ct)).Error,
            "supplement-received" => (await Get<ReceiveSupplementHandler>().HandleAsync(new ReceiveSupplement(dossierId, actor, input.Documents ?? [], input.Comment, shownRevision), ct)).Error,
            "request-supplement" => (await Get<RequestSupplementHandler>().HandleAsync(new RequestSupplement(dossierId, actor, missing, input.Comment ?? "", shownRevision), ct)).Error,
            "refuse" => (await Get<RefuseDossierHandler>().HandleAsync(new RefuseDossier(dossierId, actor, input.Comment ?? "", shownRevision), ct)).Error,
            "approve" => (await Get<ApproveDossierHandler>().HandleAsync(new ApproveDossier(dossierId, actor, input.Comment, shownRevision), ct)).Error,
            "send-back" => (await Get<SendBackDossierHandler>().HandleAsync(new SendBackDossier(dossierId, actor, input.Comment ?? "", shownRevision), ct)).Error,
            "sign" => (await Get<SignDossierHandler>().HandleAsync(new SignDossier(dossierId, actor, input.Comment, shownRevision), ct)).Error,
            "return" => (await Get<ReturnResultHandler>().HandleAsync(new ReturnResult(dossierId, actor, Channel.Counter, input.Comment, ExpectedRevision: shownRevision), ct)).Error,
            _ => DomainError.Invalid("action", "unknown-action", "Thao tác không được hỗ trợ.", "The action is not supported."),
        };
        return Text.Error(error);
    }
}
