using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Catalogue;

public static class CatalogueServices
{
    /// <summary>The catalogue use cases and public queries.</summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.TryAddScoped<CreateSectorHandler>();
        services.TryAddScoped<UpdateSectorHandler>();
        services.TryAddScoped<DeleteSectorHandler>();
        services.TryAddScoped<SectorsQuery>();
        services.TryAddScoped<CreateProcedureHandler>();
        services.TryAddScoped<UpdateProcedureHandler>();
        services.TryAddScoped<DeactivateProcedureHandler>();
        services.TryAddScoped<SearchCatalogueQuery>();
        services.TryAddScoped<ProcedureDetailQuery>();
        services.TryAddScoped<SupplementPolicies>();
        services.TryAddScoped<UpdateSupplementRulesHandler>();
        services.TryAddScoped<TemplateFiles>();
        return services;
    }
}
