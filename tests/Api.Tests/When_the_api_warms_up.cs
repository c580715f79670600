using System.Net;
using Api.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;
using Tests.Shared;

namespace Api.Tests;

/// <summary>
/// A freshly started API runs its hot paths before it reports ready. A step added first holds the warm-up: meanwhile
/// readiness answers 503; once it goes on, the warm-up reads the sample province's inbox, dossier page and catalogue,
/// reads back a bearer token, takes a step and receives a dossier with their commits rolled back, readiness answers 200,
/// and every table (dossiers, their history, the engine's instances, work items and outbox, the audit log, the code
/// counters) holds exactly the rows it held before.
/// </summary>
public sealed class When_the_api_warms_up
{
    [Test]
    public async Task Should_report_ready_only_after_the_warm_up_and_change_no_row()
    {
        var gate = new Gate();
        var connection = await TestPostgres.CreateDatabaseAsync("api_warm_up");
        await using var factory = new ApiFactory(connection, new Dictionary<string, string>
        {
            ["Hosting:RunWorkerInProcess"] = "false", ["Samples:Seed"] = "true", ["Samples:Dossiers"] = "20", ["WarmUp:Rounds"] = "3", ["WarmUp:MaxSeconds"] = "60",
        }, services => services.Insert(0, ServiceDescriptor.Singleton<IWarmUpStep>(gate)));
        using var client = factory.CreateClient();

        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(60));
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        await ReceiveAsync(factory);
        var before = await FingerprintAsync(connection);

        gate.Open();
        var state = factory.Services.GetRequiredService<WarmUpState>();
        await state.Done.WaitAsync(TimeSpan.FromSeconds(120));
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldContain("warmed up");

        state.Ran.ShouldContain(new OfficialReadsWarmUp().Name);
        state.Ran.ShouldContain(new CatalogueWarmUp().Name);
        state.Ran.ShouldContain(new BearerWarmUp().Name);
        state.Ran.ShouldContain(new StepWarmUp().Name);
        state.Ran.ShouldContain(new ReceptionWarmUp().Name);
        (await FingerprintAsync(connection)).ShouldBe(before);
    }

    [Test]
    public async Task Should_report_ready_when_a_step_fails_and_run_the_others()
    {
        var connection = await TestPostgres.CreateDatabaseAsync("api_warm_up_failing");
        await using var factory = new ApiFactory(connection, new Dictionary<string, string>
        {
            ["Hosting:RunWorkerInProcess"] = "false", ["Samples:Seed"] = "true", ["Samples:Dossiers"] = "20", ["WarmUp:Rounds"] = "2", ["WarmUp:MaxSeconds"] = "60",
        }, services => services.Insert(0, ServiceDescriptor.Singleton<IWarmUpStep>(new Failing())));
        using var client = factory.CreateClient();

        var state = factory.Services.GetRequiredService<WarmUpState>();
        await state.Done.WaitAsync(TimeSpan.FromSeconds(120));

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        state.Ran.ShouldNotContain(new Failing().Name);
        state.Ran.ShouldContain(new ReceptionWarmUp().Name);
        state.Ran.ShouldContain(new CatalogueWarmUp().Name);
    }

    [Test]
    public async Task Should_pass_over_the_request_pipeline_when_nothing_listens_on_the_address_the_server_names()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_warm_up_pipeline"),
            new Dictionary<string, string> { ["Hosting:RunWorkerInProcess"] = "false" });
        var server = factory.Server;
        // The in-memory server keeps the configured URLs, where nothing listens: a warm-up there used to log a refused connection.
        server.Features.Get<IServerAddressesFeature>()!.Addresses.ShouldContain(a => a.StartsWith("http://", StringComparison.Ordinal));

        using var step = new PipelineWarmUp(server);
        (await step.RunAsync(factory.Services, CancellationToken.None)).ShouldBeFalse();
    }

    /// <summary>A dossier received at Yên Sơn's counter, so one waits at 'assign' for the warm-up's step (the 20 sample dossiers are further on).</summary>
    private static async Task ReceiveAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<ProceduresDb>();
        var clerk = (await sp.GetRequiredService<OfficialDirectory>().FindAsync("ys.clerk"))!;
        var procedure = await db.Procedures.SingleAsync(p => p.Code == "2.000720");
        var documents = await db.ProcedureDocuments.Where(d => d.ProcedureId == procedure.Id && !d.IsOptional).Select(d => new HandedDocument(d.Id)).ToListAsync();
        var received = await sp.GetRequiredService<ReceiveDossierHandler>().HandleAsync(new ReceiveAtCounter("ys.clerk", clerk.Memberships[0].UnitId, procedure.Id,
            new ApplicantData("Nguyễn Văn Thử", "001099000001", "0912345678"), documents));
        received.Error.ShouldBeNull();
    }

    /// <summary>Every table's rows, as one text per table: a digest of its rows in a fixed order.</summary>
    private static async Task<Dictionary<string, string>> FingerprintAsync(string connection)
    {
        await using var db = NpgsqlDataSource.Create(connection);
        var tables = new List<string>();
        await using (var list = db.CreateCommand("""
            SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables ORDER BY 1
            """))
        await using (var r = await list.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        var prints = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var digest = db.CreateCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {table} t");
            prints[table] = (string)(await digest.ExecuteScalarAsync())!;
        }
        return prints;
    }

    /// <summary>A warm-up step that always throws.</summary>
    private sealed class Failing : IWarmUpStep
    {
        public string Name => "failing";
        public Task<bool> RunAsync(IServiceProvider services, CancellationToken ct) => throw new InvalidOperationException("The warm-up step failed.");
    }

    /// <summary>A warm-up step that holds the first round until <see cref="Open"/>.</summary>
    private sealed class Gate : IWarmUpStep
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;
        public string Name => "gate";
        public void Open() => _open.TrySetResult();

        public async Task<bool> RunAsync(IServiceProvider services, CancellationToken ct)
        {
            _entered.TrySetResult();
            await _open.Task.WaitAsync(ct);
            return false;
        }
    }
}
