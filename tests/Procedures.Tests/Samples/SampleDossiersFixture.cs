using Engine.Definitions;
using Engine.Hosting;
using Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Hosting;
using Procedures.Persistence;
using Procedures.Samples;
using Procedures.Tests.Library;
using Tests.Shared;

namespace Procedures.Tests.Samples;

/// <summary>
/// The sample dossiers seeded once for the fixture, as a host does at start: the library published, the sample
/// province seeded, then <see cref="SampleDossiers.SeedAsync"/> with the host's services at <see cref="Now"/>.
/// The tests only read.
/// </summary>
public abstract class SampleDossiersFixture
{
    /// <summary>Friday 2026-03-20 10:00 in Vietnam: the history reaches back over Tết 2026.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 3, 20, 10, 0, 0, TimeSpan.FromHours(7));

    protected ServiceProvider Services { get; private set; } = null!;
    protected SampleDossierReport Report { get; private set; } = null!;
    protected MovableClock Clock { get; } = new(Now);

    [OneTimeSetUp]
    public async Task SeedTheProvinceAndItsDossiers()
    {
        await TestPostgres.ResetAsync(ProceduresDatabase.ConnectionString, EngineSchema.Name, ProceduresDb.Schema);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddWorkflowEngine(ProceduresDatabase.ConnectionString).AddProcedures();
        Services = services.BuildServiceProvider();
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<ProceduresDb>();
        await Services.GetRequiredService<CalendarProvider>().ReloadAsync(db);
        (await provider.GetRequiredService<WorkflowFileLoader>().LoadAsync(WorkflowLibrary.Folder)).Problems.ShouldBeEmpty();
        await SampleData.SeedAsync(db, provider.GetRequiredService<DefinitionStore>(), NullLogger.Instance, Services.GetRequiredService<CalendarProvider>());

        Report = await SampleDossiers.SeedAsync(provider, Clock);

        await TestContext.Progress.WriteLineAsync($"{GetType().Name}: {Report.Dossiers} dossiers, {Report.UseCases} use cases in {Report.Elapsed.TotalSeconds:0.0} s; "
            + string.Join(", ", Report.ByStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        foreach (var block in Report.Blocked)
            await TestContext.Progress.WriteLineAsync($"  blocked: {block.Dossiers} × {block.Workflow} {block.UseCase} by {block.Actors}: {block.Error}");
    }

    [OneTimeTearDown]
    public async Task DisposeServices() => await Services.DisposeAsync();

    [Test]
    public async Task Should_keep_every_workflow_instance_consistent_with_its_dossier_status()
    {
        var rows = await Query("""
            SELECT d.code, d.status, i.status, coalesce(i.outcome, ''), d.archived_at IS NOT NULL,
                   (SELECT count(*) FROM engine.work_items w WHERE w.instance_id = i.id AND w.status = 'Open'),
                   (SELECT count(*) FROM engine.work_items w WHERE w.instance_id = i.id AND w.status = 'Open' AND w.step_id = 'return-result'),
                   (SELECT count(*) FROM engine.timers t WHERE t.instance_id = i.id AND t.status = 'Pending')
            FROM procedures.dossiers d LEFT JOIN engine.instances i ON i.id = d.workflow_instance_id
            """, r => new InstanceRow(r.IsDBNull(0) ? null : r.GetString(0), Enum.Parse<DossierStatus>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2),
                r.GetString(3), r.GetBoolean(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7)));

        rows.Count.ShouldBe(300);
        foreach (var row in rows) row.IsConsistent().ShouldBeTrue(row.ToString());
    }

    [Test]
    public async Task Should_give_realistic_vietnamese_applicants()
    {
        var dossiers = await Dossiers();

        dossiers.ShouldAllBe(d => d.Applicant.FullName.Split(' ', StringSplitOptions.None).Length >= 3);
        dossiers.ShouldAllBe(d => d.Applicant.Address!.EndsWith("tỉnh Tuyên Quang") && d.Applicant.IdNumber!.Length == 12);
        dossiers.ShouldAllBe(d => d.Applicant.Phone!.Replace(" ", "").Length == 10 && d.Applicant.Phone.StartsWith('0'));
        dossiers.Select(d => d.Applicant.FullName).Distinct().Count().ShouldBeGreaterThan(250);
    }

    [Test]
    public async Task Should_mark_the_messages_of_the_history_dispatched_so_nobody_is_notified()
    {
        var pending = await Query("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL", r => r.GetInt64(0));
        var written = await Query("SELECT count(*) FROM engine.outbox", r => r.GetInt64(0));

        (pending.Single(), written.Single() > 300).ShouldBe((0L, true));
    }

    [Test]
    public async Task Should_do_nothing_the_second_time()
    {
        var before = (await Dossiers()).Count;
        await using var scope = Services.CreateAsyncScope();

        var again = await SampleDossiers.SeedAsync(scope.ServiceProvider, Clock);

        again.ShouldSatisfyAllConditions(r => r.Seeded.ShouldBeFalse(), r => r.Reason.ShouldBe("dossiers already exist"));
        (await Dossiers()).Count.ShouldBe(before);
    }

    protected async Task<List<Dossier>> Dossiers()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Dossiers.AsNoTracking().ToListAsync();
    }

    protected async Task<List<T>> Query<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private sealed record InstanceRow(string? Code, DossierStatus Status, string? Instance, string Outcome, bool Archived, long Open, long ReturnOpen, long Timers)
    {
        public bool IsConsistent() => Status switch
        {
            DossierStatus.Registered => Instance is null && Code is null,
            DossierStatus.Accepted or DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.FinancialObligation => Instance == "Running" && (Open > 0 || Timers > 0) && ReturnOpen == 0,
            DossierStatus.Finished => Instance == "Running" && ReturnOpen == 1,
            DossierStatus.Returned => Instance == "Completed" && Outcome == "approved" && Archived,
            DossierStatus.NotAccepted or DossierStatus.Stopped => Instance == "Completed" && Outcome == "refused",
            DossierStatus.Withdrawn => Instance is null ? Code is null : Instance == "Cancelled" || Outcome == "withdrawn",
            _ => false,
        };
    }
}
