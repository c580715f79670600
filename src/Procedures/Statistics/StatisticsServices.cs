using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Statistics;

public static class StatisticsServices
{
    /// <summary>The statistics queries and the refresher the worker schedules.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.TryAddScoped<StatisticsRefresher>();
        services.TryAddScoped<StatisticsQuery>();
        services.TryAddScoped<StatisticsDrillDownQuery>();
        services.TryAddSingleton(new ServiceIndexSettings());
        services.TryAddSingleton<ICitizenRatings, NoCitizenRatings>();
        services.TryAddScoped<ServiceIndexQuery>();
        services.TryAddScoped<RatingResultsQuery>();
        return services;
    }
}
