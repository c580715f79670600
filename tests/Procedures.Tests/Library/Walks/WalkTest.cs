using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Persistence;
using Procedures.Samples;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// Walks of the procedure library on the sample province: every file of <c>workflows/</c> published as the host
/// publishes it, the sample organisation and catalogue seeded, and dossiers driven through the use cases only.
/// </summary>
public abstract class WalkTest : ProceduresTest
{
    protected SampleProvince Province { get; private set; } = null!;

    protected VietnameseCalendar Calendar => Services.GetRequiredService<CalendarProvider>().Current;

    [SetUp]
    public async Task PublishTheLibraryAndSeedTheProvince()
    {
        await using var scope = NewScope();
        var provider = scope.ServiceProvider;
        var loaded = await provider.GetRequiredService<WorkflowFileLoader>().LoadAsync(WorkflowLibrary.Folder);
        loaded.Problems.ShouldBeEmpty();
        var seeded = await SampleData.SeedAsync(provider.GetRequiredService<ProceduresDb>(), provider.GetRequiredService<DefinitionStore>(),
            NullLogger.Instance, Services.GetRequiredService<CalendarProvider>());
        seeded.SkippedBindings.ShouldBeEmpty();
        Province = (await SampleProvince.LoadAsync(provider.GetRequiredService<ProceduresDb>()))!;
    }


    /// <summary>Workflow inputs or step form fields by name.</summary>
    protected static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) => fields.ToDictionary(f => f.Name, f => f.Value);

    /// <summary>Every required document of the procedure, as handed in at a complete reception.</summary>
    protected static IReadOnlyList<HandedDocument> AllRequired(Procedure procedure) =>
        procedure.RequiredDocuments.Where(d => !d.IsOptional).OrderBy(d => d.Order).Select(d => new HandedDocument(d.Id)).ToList();

    protected static ApplicantData Applicant(string name = "Nguyễn Văn An") =>
        new(name, "008085012345", "0912 345 678", "an.nguyen@example.vn", "Thôn Đồng Chằm, xã Yên Sơn, tỉnh Tuyên Quang", new DateOnly(1985, 5, 20));

    /// <summary>
    /// Receives a complete dossier at the counter of <paramref name="shop"/> by <paramref name="clerk"/> at the clock's time, checking the
    /// receipt: Accepted, a code of the shop, and the appointment the calendar gives for the procedure's legal time limit.
    /// </summary>
    protected async Task<DossierWalk> ReceiveAsync(string workflow, string shop, string clerk, string? processingUnit = null,
        IReadOnlyDictionary<string, string>? inputs = null, int? copies = null, int? pages = null, params string[] next)
    {
        var (walk, receipt) = await CounterAsync(workflow, shop, clerk, ReceptionDecision.Accept, next, processingUnit, inputs, copies, pages);
        receipt.AppointmentAt.ShouldBe(Calendar.ComputeAppointment(receipt.ReceivedAt, Province.Procedure(workflow).TimeLimit, Province.Unit(shop).ToString()));
        return walk;
    }

    /// <summary>A reception at the counter with any decision; <paramref name="documents"/> defaults to every required one.</summary>
    protected async Task<(DossierWalk Walk, ReceptionReceipt Receipt)> CounterAsync(string workflow, string shop, string clerk, ReceptionDecision decision,
        string[] next, string? processingUnit = null, IReadOnlyDictionary<string, string>? inputs = null, int? copies = null, int? pages = null,
        IReadOnlyList<HandedDocument>? documents = null, string? reason = null)
    {
        var procedure = Province.Procedure(workflow);
        var walk = new DossierWalk(Services, Clock, Province);
        var (status, kind) = decision switch
        {
            ReceptionDecision.Accept => (DossierStatus.Accepted, "Received"),
            ReceptionDecision.RequestSupplement => (DossierStatus.SupplementRequested, "SupplementRequested"),
            _ => (DossierStatus.NotAccepted, "NotAccepted"),
        };
        var receipt = await walk.ReceiveAsync(new ReceiveAtCounter(clerk, Province.Unit(shop), procedure.Id, Applicant(), documents ?? AllRequired(procedure),
            decision, reason, ProcessingUnitId: processingUnit is null ? null : Province.Unit(processingUnit), Copies: copies, Pages: pages,
            WorkflowInputs: inputs), next, status, kind);
        receipt.Code.ShouldStartWith($"{shop}-");
        return (walk, receipt);
    }

    protected async Task<Dossier> Load(Guid id)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Dossiers.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    protected async Task<Consultation[]> Consultations(Guid id)
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Consultations.AsNoTracking()
            .Where(c => c.DossierId == id).OrderBy(c => c.RequestedAt).ToArrayAsync();
    }

    /// <summary>The engine instance's status and outcome, e.g. <c>Completed/approved</c>.</summary>
    protected async Task<string> InstanceOutcome(Guid dossierId)
    {
        var dossier = await Load(dossierId);
        await using var cmd = DataSource.CreateCommand("SELECT status || '/' || coalesce(outcome, '') FROM engine.instances WHERE id = $1");
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = dossier.WorkflowInstanceId!.Value });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Checks the end of a main path: Returned (10), archived with its retention, and the workflow completed as approved.</summary>
    protected async Task ShouldBeReturnedAndArchived(DossierWalk walk)
    {
        var dossier = await Load(walk.Id);
        dossier.ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(DossierStatus.Returned),
            d => d.Result.ShouldBe(DossierResult.Approved),
            d => d.ReturnedAt.ShouldNotBeNull(),
            d => d.ArchivedAt.ShouldBe(d.ReturnedAt),
            d => d.RetainUntil.ShouldNotBeNull());
        (await InstanceOutcome(walk.Id)).ShouldBe("Completed/approved");
        await walk.ShouldHaveRecordedEachUseCase();
    }

    /// <summary>What the engine's timer poller does in a host: fires the timers due by the clock's time.</summary>
    protected async Task<int> FireDueTimers()
    {
        await using var scope = NewScope();
        return await scope.ServiceProvider.GetRequiredService<Engine.Runtime.WorkflowRuntime>().FireDueTimersAsync();
    }

    protected static DateTimeOffset Vn(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
