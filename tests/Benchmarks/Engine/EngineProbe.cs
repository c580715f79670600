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
        var sqlItem = await db.StartLoopAsync(runtime);
        var (sqlTrips, sqlStatements) = await CountWireAsync(async () => { await HandWrittenTransition.CompleteAsync(db.DataSource, sqlItem); });
        Console.WriteLine($"engine transition: {roundTrips} round trips (incl. COMMIT), {statements} statements; rows added: {rows}; plus 1 instance and 1 work item updated");
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
    internal static async Task<(int RoundTrips, int Statements)> CountWireAsync(Func<Task> action)
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
                // A batch is traced as one activity whose statement text joins its commands with ';'.
                var text = a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement");
                Interlocked.Add(ref statements, text is string sql ? sql.Split(';', StringSplitOptions.RemoveEmptyEntries).Length : 1);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await action();
        return (trips + 1, statements + 1); // + COMMIT, which Npgsql does not trace
    }

    /// <summary>Rows added to each engine table by the action (counted, so nothing else can blur it).</summary>
    private static async Task<string> RowsWrittenAsync(NpgsqlDataSource dataSource, Func<Task> action)
    {
        var before = await CountRowsAsync(dataSource);
        await action();
        var after = await CountRowsAsync(dataSource);
        return string.Join(", ", after.Select((n, i) => $"{Tables[i]} +{n - before[i]}"));
    }

    private static readonly string[] Tables = ["instances", "work_items", "history", "outbox", "timers"];

    private static async Task<long[]> CountRowsAsync(NpgsqlDataSource dataSource)
    {
        await using var cmd = dataSource.CreateCommand(string.Join(" UNION ALL ", Tables.Select((t, i) => $"SELECT {i}, count(*) FROM engine.{t}")));
        await using var r = await cmd.ExecuteReaderAsync();
        var counts = new long[Tables.Length];
        while (await r.ReadAsync()) counts[r.GetInt32(0)] = r.GetInt64(1);
        return counts;
    }
}
