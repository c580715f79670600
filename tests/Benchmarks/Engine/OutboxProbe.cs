using System.Diagnostics;
using Engine.Outbox;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Engine;

/// <summary>
/// Outbox dispatch throughput: rows of many instances (interleaved, as transitions write them) drained by one and then by
/// two dispatchers into an in-memory publisher that only counts, so the figure is the dispatcher's own cost (claim,
/// deserialise, confirm) and not a broker's. Run: <c>dotnet run -c Release --project tests/Benchmarks -- outbox [rows]</c>.
/// </summary>
internal static class OutboxProbe
{
    private const int RowsPerInstance = 10;

    public static async Task RunAsync(int rows)
    {
        await using var db = await BenchDatabase.StartAsync();
        foreach (var dispatchers in new[] { 1, 2 })
        {
            await InsertAsync(db, rows);
            var publisher = new CountingPublisher();
            var provider = new WithPublisher(db.Services, publisher);
            var all = Enumerable.Range(0, dispatchers).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(provider)).ToList();
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(all.Select(DrainAsync));
            stopwatch.Stop();
            Console.WriteLine($"{dispatchers} dispatcher(s): {publisher.Count:N0} rows in {stopwatch.Elapsed.TotalSeconds:N2} s " +
                              $"= {publisher.Count / stopwatch.Elapsed.TotalSeconds:N0} rows/s");
        }
    }

    private static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while ((await dispatcher.DispatchBatchAsync(CancellationToken.None)).Claimed > 0) { }
    }

    /// <summary>Empties the outbox, then writes <paramref name="rows"/> work-item-opened rows, instances taking turns.</summary>
    private static async Task InsertAsync(BenchDatabase db, int rows)
    {
        await using var clear = db.DataSource.CreateCommand("TRUNCATE engine.outbox");
        await clear.ExecuteNonQueryAsync();
        await using var insert = db.DataSource.CreateCommand($"""
            INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts)
            SELECT gen_random_uuid(), i.id, '{EngineEventTypes.WorkItemOpened}',
                   jsonb_build_object('workItemId', gen_random_uuid(), 'instanceId', i.id, 'definitionId', 'bench', 'stepId', 'work',
                                      'role', 'clerk', 'createdAt', now(), 'n', n),
                   now(), 0
            FROM generate_series(1, $1) AS n
            CROSS JOIN LATERAL (SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(n % ($1 / {RowsPerInstance})), 12, '0'))::uuid AS id) AS i
            ORDER BY n
            """);
        insert.Parameters.Add(new() { Value = rows });
        await insert.ExecuteNonQueryAsync();
    }

    private sealed class CountingPublisher : IOutboxPublisher
    {
        private int _count;
        public int Count => _count;

        public Task PublishAsync(Guid messageId, object message, Type messageType, CancellationToken ct)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    private sealed class WithPublisher(IServiceProvider inner, IOutboxPublisher publisher) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IOutboxPublisher) ? publisher : serviceType == typeof(IServiceProvider) ? this : inner.GetService(serviceType);
    }
}
