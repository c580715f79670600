using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Procedures.Calendar;

public static class CalendarAdminServices
{
    /// <summary>The calendar admin use cases: list a year, add and remove overrides, change the province's rules.</summary>
    public static IServiceCollection AddCalendarAdmin(this IServiceCollection services)
    {
        services.TryAddScoped<CalendarYearQuery>();
        services.TryAddScoped<AddCalendarOverrideHandler>();
        services.TryAddScoped<RemoveCalendarOverrideHandler>();
        services.TryAddScoped<UpdateCalendarRulesHandler>();
        services.TryAddScoped<CalendarRulesQuery>();
        return services;
    }

    /// <summary>Reloads this process's calendar whenever any process changes it; every host runs it.</summary>
    public static IServiceCollection AddCalendarChangeListener(this IServiceCollection services)
    {
        services.TryAddSingleton<CalendarChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarChangeListener>());
        return services;
    }
}
