using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Dossiers;

public static class DossierServices
{
    /// <summary>The dossier use cases and queries; <see cref="DossierSettings"/> defaults unless registered after.</summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        services.TryAddSingleton(new DossierSettings());
        services.TryAddScoped<DossierUseCase>();
        services.TryAddScoped<SubmitOnlineHandler>();
        services.TryAddScoped<ReceiveDossierHandler>();
        services.TryAddScoped<RequestSupplementHandler>();
        services.TryAddScoped<ReceiveSupplementHandler>();
        services.TryAddScoped<RefuseDossierHandler>();
        services.TryAddScoped<WithdrawDossierHandler>();
        services.TryAddScoped<AssignDossierHandler>();
        services.TryAddScoped<ClaimStepHandler>();
        services.TryAddScoped<DirectDossierHandler>();
        services.TryAddScoped<DirectionQueries>();
        services.TryAddScoped<SubmitAppraisalHandler>();
        services.TryAddScoped<RequestConsultationHandler>();
        services.TryAddScoped<ReplyToConsultationHandler>();
        services.TryAddScoped<ApproveDossierHandler>();
        services.TryAddScoped<SendBackDossierHandler>();
        services.TryAddScoped<SignDossierHandler>();
        services.TryAddScoped<ReturnResultHandler>();
        services.TryAddScoped<IssueApologyHandler>();
        services.TryAddScoped<DossierRulesQuery>();
        services.TryAddScoped<UpdateDossierRulesHandler>();
        services.TryAddScoped<CompleteStepHandler>();
        services.TryAddScoped<RecordTimerConsultations>();
        services.TryAddScoped<StopUnsuppliedDossiers>();
        services.TryAddScoped<RemindUnsuppliedDossiers>();
        services.TryAddScoped<SuspendWorkflowHandler>();
        services.TryAddScoped<ResumeWorkflowHandler>();
        services.TryAddScoped<MoveWorkflowPathHandler>();
        services.TryAddScoped<CancelWorkItemHandler>();
        services.TryAddScoped<ReopenWorkItemHandler>();
        services.TryAddScoped<RecordWorkflowMigrationHandler>();
        services.TryAddScoped<IncidentQueries>();
        services.TryAddScoped<WorkflowRepairQueries>();
        services.TryAddScoped<DossierQueries>();
        services.TryAddScoped<PortalFeed>();
        services.TryAddScoped<OverdueQueries>();
        return services;
    }
}
