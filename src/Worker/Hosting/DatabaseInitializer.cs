using Engine.Definitions;
using Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Procedures.Calendar;
using Procedures.Hosting;
using Procedures.Persistence;
using Procedures.Samples;
using Worker.Notifications;

namespace Worker.Hosting;

/// <summary>
/// Runs first at start, before the engine's workers and the web server: applies the engine's, the domain's and the
/// notifications' migrations (and loads the working-day calendar, seeds missing message templates), then publishes the workflow files the database does not have yet and, when sample seeding is on
/// (<c>Samples:Seed</c>), seeds the sample province and its sample dossiers. Any problem in those files fails the start,
/// each problem logged on its own line.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, WorkflowSource workflows, DatabaseConnection database,
    IConfiguration configuration, ILogger<DatabaseInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await MigrationLock.RunAsync(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), async () =>
        {
            await services.MigrateWorkflowEngineAsync(cancellationToken);
            await services.MigrateProceduresAsync(cancellationToken);
            await services.MigrateNotificationsAsync(cancellationToken);
        }, cancellationToken);
        logger.LogInformation("Database schemas are up to date");

        if (!Directory.Exists(workflows.Folder))
        {
            if (workflows.IsConfigured)
                throw new WorkflowDefinitionsException(workflows.Folder, [$"the folder {workflows.Folder} ({WorkflowSource.ConfigKey}) does not exist"]);
            logger.LogWarning("No workflow folder at {Folder}: no definitions loaded", workflows.Folder);
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<WorkflowFileLoader>().LoadAsync(workflows.Folder, cancellationToken);
        if (!report.Succeeded)
        {
            logger.LogCritical("Cannot start: {Count} problem(s) in the workflow definitions in {Folder}", report.Problems.Count, workflows.Folder);
            foreach (var problem in report.Problems) logger.LogCritical("Workflow problem: {Problem}", problem);
            throw new WorkflowDefinitionsException(workflows.Folder, report.Problems);
        }
        logger.LogInformation("Workflows loaded from {Folder}: {Published} published, {Unchanged} already present",
            workflows.Folder, report.Published.Count, report.Unchanged.Count);

        // The embedded single-process mode is for trying the product: it comes with a sample province.
        if (configuration.GetValue("Samples:Seed", database.Mode == DatabaseMode.Embedded))
        {
            var seeded = await SampleData.SeedAsync(scope.ServiceProvider.GetRequiredService<ProceduresDb>(),
                scope.ServiceProvider.GetRequiredService<DefinitionStore>(), logger,
                services.GetRequiredService<CalendarProvider>(), configuration["Samples:Folder"], cancellationToken);
            if (seeded.Seeded)
                logger.LogInformation("Sample data seeded: {Units} units, {Officials} officials, {Procedures} procedures",
                    seeded.Units, seeded.Officials, seeded.Procedures);
            else logger.LogInformation("Sample data already present");
            await SeedSampleDossiersAsync(scope.ServiceProvider, cancellationToken);
        }
    }

    /// <summary>
    /// Sample dossiers in every state through the real use cases (<c>Samples:Dossiers</c>, 300 by default, 0 for none), so
    /// a first start shows inboxes, due-soon and overdue work and finished dossiers; nothing when any dossier exists.
    /// </summary>
    private async Task SeedSampleDossiersAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var count = configuration.GetValue("Samples:Dossiers", 300);
        if (count <= 0) return;
        var report = await SampleDossiers.SeedAsync(scoped, services.GetRequiredService<TimeProvider>(), count, ct: cancellationToken);
        if (!report.Seeded)
        {
            logger.LogInformation("Sample dossiers not seeded: {Reason}", report.Reason);
            return;
        }
        logger.LogInformation("Sample dossiers seeded: {Dossiers} dossiers, {UseCases} use cases in {Seconds:0.0} s ({Statuses})",
            report.Dossiers, report.UseCases, report.Elapsed.TotalSeconds,
            string.Join(", ", report.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        foreach (var block in report.Blocked)
            logger.LogWarning("Sample dossiers stopped early: {Dossiers} x {Workflow} {UseCase} by {Actors}: {Error}",
                block.Dossiers, block.Workflow, block.UseCase, block.Actors, block.Error);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
