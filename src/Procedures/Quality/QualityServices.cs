using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Quality;

public static class QualityServices
{
    /// <summary>The ISO 9001 records: policy and objectives, documents, audits, nonconformities, management reviews.</summary>
    public static IServiceCollection AddQualityRecords(this IServiceCollection services)
    {
        services.TryAddScoped<QualityObjectivesHandler>();
        services.TryAddScoped<ControlledDocumentsHandler>();
        services.TryAddScoped<InternalAuditHandler>();
        services.TryAddScoped<RaiseNonconformityHandler>();
        services.TryAddScoped<CorrectNonconformityHandler>();
        services.TryAddScoped<RaiseOverdueNonconformitiesHandler>();
        services.TryAddScoped<RecordManagementReviewHandler>();
        services.TryAddScoped<QualityRecordSearch>();
        return services;
    }
}
