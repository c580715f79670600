using Engine.Definitions;
using Engine.Queries;
using Engine.Runtime;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// Takes <paramref name="Action"/> on the dossier's open <paramref name="Step"/>: for the steps of a procedure that no
/// dedicated use case knows (the joint procedure's <c>sign-birth-certificate</c>, land's <c>update-cadastre</c>, the
/// judicial record's <c>compile</c>, marriage's <c>verify</c>, ...). <paramref name="Fields"/> are the action's form fields.
/// </summary>
public sealed record CompleteStep(Guid DossierId, string Actor, string Step, string Action, string? Comment = null,
    IReadOnlyDictionary<string, string>? Fields = null, int? ExpectedRevision = null);

/// <summary>
/// The actor must hold the step's role in the step's unit (sections and the one-stop shop act for their agency) and be
/// its assignee when it has one; the definition decides whether the action exists there and whether a comment is required.
/// Actions with rules of their own go through their own use case (<see cref="DedicatedUseCase"/>).
/// </summary>
public sealed class CompleteStepHandler(DossierUseCase useCase, InstanceQueries instances, DefinitionStore definitions)
{
    /// <summary>
    /// The use case that must take <paramref name="action"/> at <paramref name="step"/> because it carries dossier rules
    /// (code and appointment, supplements, refusal, withdrawal, consultation replies, send-backs, the leader's signature, the
    /// appraisal, the return), or null.
    /// </summary>
    public static string? DedicatedUseCase(string step, string action) => (step, action) switch
    {
        (DossierSteps.Receive, _) => nameof(ReceiveAtCounter),
        (DossierSteps.AwaitSupplement, _) or (_, "supplement-received") => nameof(ReceiveSupplement),
        (_, "request-supplement") => nameof(RequestSupplement),
        (_, "assign") => nameof(AssignDossier),
        (_, "refuse") => nameof(RefuseDossier),
        (_, "withdraw") => nameof(WithdrawDossier),
        (_, "reply") => nameof(ReplyToConsultation),
        (_, "send-back") => nameof(SendBackDossier),
        (DossierSteps.ReturnResult, _) or (_, "return") => nameof(ReturnResult),
        (DossierSteps.Sign, "sign") => nameof(SignDossier),
        (DossierSteps.Process, "submit") => nameof(SubmitAppraisal),
        _ => null,
    };

    public async Task<DomainResult<DossierState>> HandleAsync(CompleteStep request, CancellationToken ct = default)
    {
        if (Required.Text(request.Step, "step", "bước xử lý", "The step") is { } noStep) return noStep;
        if (Required.Text(request.Action, "action", "thao tác", "The action") is { } noAction) return noAction;
        var (step, action) = (request.Step.Trim(), request.Action.Trim());
        if (DedicatedUseCase(step, action) is { } dedicated)
            return DomainError.Invalid("action", "use-case-required", $"Thao tác '{action}' có quy định riêng; dùng chức năng {dedicated}.",
                $"The action '{action}' has rules of its own; use {dedicated}.");
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        return await useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision, new DossierMove(action, "StepCompleted", step)
        {
            Comment = comment,
            Prepare = (_, _, _) => Task.FromResult<DomainResult<DossierMoveInput>>(new DossierMoveInput(Required.Fields(request.Fields))),
            // Verification moves the appointment by the procedure's legal limit, read from the definition the instance runs.
            Moved = async (work, item, moved, token) =>
                action == VerificationTimeLimit.Action && await LegalLimitAsync(moved.InstanceId, token) is { } limit
                && VerificationTimeLimit.ExtendAppointment(work.Dossier, limit, work.Calendar) is { } extended
                    ? (object)new { step = item.StepId, action, fields = request.Fields, verification = extended }
                    : new { step = item.StepId, action, fields = request.Fields },
        }, ct);
    }

    /// <summary>The legal limit of the definition version the dossier's instance runs (the longest the law allows).</summary>
    private async Task<WorkingTime?> LegalLimitAsync(Guid instanceId, CancellationToken ct) =>
        await instances.GetAsync(instanceId, ct) is { } instance
            ? (await definitions.GetAsync(instance.Instance.DefinitionId, instance.Instance.Version, ct))?.LegalLimit
            : null;
}
