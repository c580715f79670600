using Engine.Calendar;
using Engine.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Citizens;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Quality;
using Procedures.Reports;
using Procedures.Statistics;

namespace Procedures.Hosting;

public static class ProceduresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the domain on the engine's data source: <see cref="ProceduresDb"/>, the Vietnamese calendar as the
    /// engine's calendar, and the step roles (<see cref="StepRoles.All"/>) as the only roles a definition may name.
    /// Call with (before or after) <c>AddWorkflowEngine</c>.
    /// </summary>
    public static IServiceCollection AddProcedures(this IServiceCollection services)
    {
        services.AddDbContextPool<ProceduresDb>((sp, o) =>
            ((DbContextOptionsBuilder<ProceduresDb>)o).UseProceduresNpgsql(sp.GetRequiredService<NpgsqlDataSource>()).AddInterceptors(CleanTextOnSave.Instance, CommitsRolledBack.Instance));
        services.TryAddSingleton<CalendarProvider>();
        services.TryAddSingleton<ReferenceData.ReferenceCache>();
        services.TryAddScoped<Organisation.OfficialDirectory>();
        services.AddOrganisationAdmin().AddCatalogue().AddCalendarAdmin().AddDossiers().AddCitizens().AddDossierDocuments().AddStatistics().AddQualityRecords().AddReports();
        Signatures.SignatureServices.AddResultSignatures(services);
        services.Replace(ServiceDescriptor.Singleton<IWorkingCalendar>(sp => sp.GetRequiredService<CalendarProvider>()));
        services.AddWorkflowRoles(StepRoles.All);
        return services;
    }

    /// <summary>Applies the domain's migrations and loads the calendar from the database.</summary>
    public static async Task MigrateProceduresAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProceduresDb>();
        await db.Database.MigrateAsync(ct);
        await services.GetRequiredService<CalendarProvider>().ReloadAsync(db, ct);
    }
}
