using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Procedures.Calendar;

public static class CalendarAdminServices
{
    /// <summary>The calendar admin use cases: list a year, add and remove overrides.</summary>
    public static IServiceCollection AddCalendarAdmin(this IServiceCollection services)
    {
        services.TryAddScoped<CalendarYearQuery>();
        services.TryAddScoped<AddCalendarOverrideHandler>();
        services.TryAddScoped<RemoveCalendarOverrideHandler>();
        return services;
    }
}
