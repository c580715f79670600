using System.Diagnostics;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Benchmarks.Engine;

/// <summary>
/// Counts what one transition costs on the wire (round trips, statements, rows written), and shows that
/// waiting instances cost no process memory: they live only in the database.
/// Run: <c>dotnet run -c Release --project tests/Benchmarks -- probe [instances]</c>.
/// </summary>
internal static class EngineProbe
{
    public static async Task RunAsync(int waitingInstances)
    {
        await using var db = await BenchDatabase.StartAsync();
        await using var scope = db.Services.CreateAsyncScope();
        var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
        var item = await db.StartLoopAsync(runtime);
        item = await CompleteAsync(runtime, item); // warm caches

        var (roundTrips, statements) = await CountWireAsync(async () => { item = await CompleteAsync(runtime, item); });
        var rows = await RowsWrittenAsync(db.DataSource, async () => { item = await CompleteAsync(runtime, item); });
        var (sqlTrips, sqlStatements) = await CountWireAsync(async () => { await HandWrittenTransition.CompleteAsync(db.DataSource, await db.StartLoopAsync(runtime)); });
        Console.WriteLine($"engine transition: {roundTrips} round trips (incl. COMMIT), {statements} statements, rows: {rows}");
        Console.WriteLine($"hand-written transition: {sqlTrips} round trips (incl. COMMIT), {sqlStatements} statements");

        var checkpoints = new[] { waitingInstances / 10, waitingInstances };
        var created = 0;
        foreach (var target in checkpoints)
        {
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
            {
                await using var s = db.Services.CreateAsyncScope();
                var r = s.ServiceProvider.GetRequiredService<WorkflowRuntime>();
                for (var i = worker; i < target - created; i += 8) await db.StartLoopAsync(r);
            }));
            created = target;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"waiting instances: {created,8:N0}  managed heap: {GC.GetTotalMemory(true) / 1024 / 1024.0,6:N1} MiB  " +
                              $"working set: {process.WorkingSet64 / 1024 / 1024.0,6:N1} MiB  (last batch {sw.Elapsed.TotalSeconds:N0} s)");
        }
        await using var count = db.DataSource.CreateCommand("SELECT count(*) FROM engine.work_items WHERE status = 'Open'");
        Console.WriteLine($"open work items in the database: {await count.ExecuteScalarAsync():N0}");
    }

    private static async Task<Guid> CompleteAsync(WorkflowRuntime runtime, Guid item) =>
        (await runtime.CompleteAsync(new CompleteWorkItem(item, "next", "probe"))).Value!.OpenedWorkItems[0].Id;

    /// <summary>Round trips and statements seen by Npgsql's tracing (one activity per command or batch) plus the COMMIT.</summary>
    private static async Task<(int RoundTrips, int Statements)> CountWireAsync(Func<Task> action)
    {
        var trips = 0;
        var statements = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                Interlocked.Increment(ref trips);
                var batchSize = a.GetTagItem("db.operation.batch.size") ?? a.GetTagItem("db.npgsql.batch_size");
                Interlocked.Add(ref statements, batchSize is null ? 1 : Convert.ToInt32(batchSize, System.Globalization.CultureInfo.InvariantCulture));
            },
        };
        ActivitySource.AddActivityListener(listener);
        await action();
        return (trips + 1, statements + 1); // + COMMIT, which Npgsql does not trace
    }

    private static async Task<string> RowsWrittenAsync(NpgsqlDataSource dataSource, Func<Task> action)
    {
        var (ins0, upd0) = await ReadCountsAsync(dataSource);
        await action();
        await Task.Delay(600); // statistics are reported by the backend after the transaction ends
        var (ins1, upd1) = await ReadCountsAsync(dataSource);
        return $"{ins1 - ins0} inserted, {upd1 - upd0} updated";
    }

    private static async Task<(long, long)> ReadCountsAsync(NpgsqlDataSource dataSource)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT coalesce(sum(n_tup_ins), 0)::bigint, coalesce(sum(n_tup_upd), 0)::bigint FROM pg_stat_user_tables WHERE schemaname = 'engine'", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return (r.GetInt64(0), r.GetInt64(1));
    }
}
