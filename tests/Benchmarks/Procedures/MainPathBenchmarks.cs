using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Persistence;

namespace Benchmarks.Procedures;

/// <summary>
/// Dossiers per second through a 6-step procedure (household business registration in a sample commune):
/// receive at the counter, assign, process, review, sign, return (the archive step follows automatically),
/// through the real use cases with their checks, history and outbox; against the bare engine taking the same
/// seven transitions (baseline).
/// </summary>
[MemoryDiagnoser]
public class MainPathBenchmarks
{
    private const int DossiersPerInvoke = 8;
    private SampleDatabase _db = null!;
    private Guid _counter, _commune, _procedure;
    private IReadOnlyList<HandedDocument> _documents = [];

    [Params(1, 4)]
    public int Callers { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _db = await SampleDatabase.StartAsync();
        _counter = await _db.UnitIdAsync("001.01.31.H29");
        _commune = await _db.UnitIdAsync("000.01.31.H29");
        await using var scope = _db.Services.CreateAsyncScope();
        var procedure = await scope.ServiceProvider.GetRequiredService<ProceduresDb>().Procedures.Include(p => p.RequiredDocuments)
            .SingleAsync(p => p.Code == "2.000720");
        _procedure = procedure.Id;
        _documents = procedure.RequiredDocuments.Where(d => !d.IsOptional).Select(d => new HandedDocument(d.Id)).ToList();
    }

    [GlobalCleanup]
    public Task Cleanup() => _db.DisposeAsync().AsTask();

    [Benchmark(Baseline = true, OperationsPerInvoke = DossiersPerInvoke)]
    public Task EngineOnly() => RunAsync(services => EngineDossierAsync(services));

    [Benchmark(OperationsPerInvoke = DossiersPerInvoke)]
    public Task UseCases() => RunAsync(services => UseCaseDossierAsync(services));

    /// <summary>One dossier through the bare engine; <paramref name="step"/> is told after each transition (the probe measures between).</summary>
    internal async Task EngineDossierAsync(IServiceProvider services, Action<string>? step = null)
    {
        var engine = services.GetRequiredService<WorkflowRuntime>();
        var started = await engine.StartAsync(new StartInstance("household-business-registration", new JsonObject
        {
            ["dossierCode"] = "BENCH", ["receivingUnit"] = _counter.ToString(), ["processingUnit"] = _commune.ToString(),
        }));
        step?.Invoke("start");
        var item = started.Value!.OpenedWorkItems[0].Id;
        foreach (var (action, actor, data) in EngineSteps)
        {
            var moved = await engine.CompleteAsync(new CompleteWorkItem(item, action, actor, "ok", data?.DeepClone().AsObject()));
            if (!moved.Succeeded) throw new InvalidOperationException(moved.Error!.Message);
            if (moved.Value!.OpenedWorkItems.Count > 0) item = moved.Value.OpenedWorkItems[0].Id;
            step?.Invoke(action);
        }
    }

    /// <summary>One dossier through the six use cases; <paramref name="step"/> is told after each.</summary>
    internal async Task UseCaseDossierAsync(IServiceProvider services, Action<string>? step = null)
    {
        var receipt = await services.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter(
            "ys.clerk", _counter, _procedure, new ApplicantData("Nguyễn Thị Ánh Tuyết", "001190012345", "0912345678"), _documents));
        var id = Ok(receipt).DossierId;
        step?.Invoke("receive");
        Ok(await services.GetRequiredService<AssignDossierHandler>().HandleAsync(new AssignDossier(id, "ys.economy.section-head", "ys.economy.specialist")));
        step?.Invoke("assign");
        Ok(await services.GetRequiredService<SubmitAppraisalHandler>().HandleAsync(new SubmitAppraisal(id, "ys.economy.specialist", "Đủ điều kiện",
            Fields: new Dictionary<string, string> { ["registrationNumber"] = "31A8001234" })));
        step?.Invoke("appraise");
        Ok(await services.GetRequiredService<ApproveDossierHandler>().HandleAsync(new ApproveDossier(id, "ys.economy.section-head")));
        step?.Invoke("approve");
        Ok(await services.GetRequiredService<SignDossierHandler>().HandleAsync(new SignDossier(id, "ys.leader")));
        step?.Invoke("sign");
        Ok(await services.GetRequiredService<ReturnResultHandler>().HandleAsync(new ReturnResult(id, "ys.clerk", Channel.Counter)));
        step?.Invoke("return");
    }

    internal ServiceProvider Services => _db.Services;
    internal string DataDirectory => _db.DataDirectory;

    private static readonly (string Action, string Actor, JsonObject? Data)[] EngineSteps =
    [
        ("accept", "ys.clerk", null),
        ("assign", "ys.economy.section-head", new JsonObject { ["specialist"] = "ys.economy.specialist" }),
        ("submit", "ys.economy.specialist", new JsonObject { ["registrationNumber"] = "31A8001234" }),
        ("approve", "ys.economy.section-head", null),
        ("sign", "ys.leader", null),
        ("return", "ys.clerk", null),
    ];

    private static T Ok<T>(global::Procedures.Common.DomainResult<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"{result.Error!.Code}: {result.Error.MessageEn}");

    private Task RunAsync(Func<IServiceProvider, Task> dossier) =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < DossiersPerInvoke / Callers; i++)
            {
                await using var scope = _db.Services.CreateAsyncScope();
                await dossier(scope.ServiceProvider);
            }
        })));
}
