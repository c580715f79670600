using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Reports;

public static class ReportServices
{
    /// <summary>The periodic ISO reports, their deadlines and the dossier register; <see cref="ReportCalendarSettings"/> defaults unless registered before.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddSingleton(new ReportCalendarSettings());
        services.TryAddScoped<IsoReportsHandler>();
        services.TryAddScoped<DossierRegisterQuery>();
        return services;
    }
}
