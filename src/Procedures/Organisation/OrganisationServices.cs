using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Organisation;

public static class OrganisationServices
{
    /// <summary>The organisation admin use cases and queries, scoped like the <c>ProceduresDb</c> they take.</summary>
    public static IServiceCollection AddOrganisationAdmin(this IServiceCollection services)
    {
        services.TryAddScoped<CreateUnitHandler>();
        services.TryAddScoped<UpdateUnitHandler>();
        services.TryAddScoped<MoveUnitHandler>();
        services.TryAddScoped<EndUnitHandler>();
        services.TryAddScoped<UnitChangePreviewQuery>();
        services.TryAddScoped<UnitTreeQuery>();
        services.TryAddScoped<SaveUnitTypeHandler>();
        services.TryAddScoped<UnitTypesQuery>();
        services.TryAddScoped<CreateOfficialHandler>();
        services.TryAddScoped<UpdateOfficialHandler>();
        services.TryAddScoped<DeactivateOfficialHandler>();
        services.TryAddScoped<AddMembershipHandler>();
        services.TryAddScoped<EndMembershipHandler>();
        services.TryAddScoped<DelegateUnitAdminHandler>();
        services.TryAddScoped<UnitOfficialsQuery>();
        services.TryAddScoped<BindCompetenceHandler>();
        services.TryAddScoped<EndCompetenceHandler>();
        services.TryAddScoped<CompetentUnitsQuery>();
        services.TryAddScoped<Responsibilities.AssignResponsibilityHandler>();
        services.TryAddScoped<Responsibilities.EndResponsibilityHandler>();
        services.TryAddScoped<Responsibilities.ResponsibilityQueries>();
        return services;
    }
}
