using System.Collections.Concurrent;
using Engine.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Tests.Outbox;

/// <summary>Base for dispatcher tests: rows written straight into the outbox, and dispatchers with their own publisher and settings.</summary>
public abstract class OutboxTest : EngineTest
{
    /// <summary>A type nobody maps: such a row goes out as a <c>WorkflowMessage</c> envelope, whatever its payload.</summary>
    protected const string NoteType = "test.note";

    /// <summary>Writes rows in this order (so their sequences follow it) and returns their ids.</summary>
    protected async Task<Guid[]> WriteAsync(params (Guid? Instance, string Type, string Payload)[] rows)
    {
        var ids = rows.Select(_ => Guid.CreateVersion7()).ToArray();
        await using var command = DataSource.CreateCommand("""
            INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts)
            SELECT u.id, u.instance_id, u.type, u.payload, $5, 0
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS u(id, instance_id, type, payload, ord) ORDER BY u.ord
            """);
        command.Parameters.Add(new() { Value = ids });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Instance).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Type).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Payload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = Clock.GetUtcNow() });
        await command.ExecuteNonQueryAsync();
        return ids;
    }

    /// <summary>A note of <paramref name="instance"/> (or of none) carrying its number.</summary>
    protected static (Guid? Instance, string Type, string Payload) Note(Guid? instance, int n) => (instance, NoteType, $$"""{"n":{{n}}}""");

    /// <summary>A dispatcher of its own, as another process would have, with <paramref name="publisher"/> and the settings given.</summary>
    protected OutboxDispatcher Dispatcher(IOutboxPublisher publisher, Action<OutboxOptions>? configure = null, NpgsqlDataSource? dataSource = null)
    {
        var options = new OutboxOptions();
        configure?.Invoke(options);
        var overrides = new Dictionary<Type, object> { [typeof(IOutboxPublisher)] = publisher, [typeof(IOptions<OutboxOptions>)] = Options.Create(options) };
        if (dataSource is not null) overrides[typeof(NpgsqlDataSource)] = dataSource;
        return ActivatorUtilities.CreateInstance<OutboxDispatcher>(new OverridingProvider(Services, overrides));
    }

    /// <summary>Runs the dispatcher until a run claims nothing; returns how many rows it published.</summary>
    protected static async Task<int> DrainAsync(OutboxDispatcher dispatcher, CancellationToken ct = default)
    {
        var published = 0;
        while (true)
        {
            var batch = await dispatcher.DispatchBatchAsync(ct);
            if (batch.Claimed == 0) return published;
            published += batch.Published;
        }
    }

    /// <summary>
    /// Runs the dispatchers at once until no row is left to send, each claiming again when it found nothing (as their hosted
    /// loops would after the poll interval): one may find nothing for a moment while the other holds an instance's earlier rows.
    /// </summary>
    protected async Task<int[]> DrainTogetherAsync(params OutboxDispatcher[] dispatchers) =>
        await Task.WhenAll(dispatchers.Select(dispatcher => Task.Run(async () =>
        {
            var published = 0;
            while (true)
            {
                var batch = await dispatcher.DispatchBatchAsync(CancellationToken.None);
                published += batch.Published;
                if (batch.Claimed == 0 && await CountAsync("SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL AND parked_at IS NULL") == 0)
                    return published;
            }
        })));

    protected async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new() { Value = value });
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private sealed class OverridingProvider(IServiceProvider inner, Dictionary<Type, object> overrides) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            overrides.TryGetValue(serviceType, out var instance) ? instance : serviceType == typeof(IServiceProvider) ? this : inner.GetService(serviceType);
    }
}

/// <summary>
/// Where two dispatchers' publishers meet: each waits until the other has a publish in flight too, so both hold rows at
/// once however the threads are scheduled (a fast dispatcher could otherwise drain everything before the other starts).
/// </summary>
public sealed class Meeting
{
    private readonly TaskCompletionSource[] _arrived = [new(), new()];

    public Task ArriveAsync(int dispatcher, CancellationToken ct)
    {
        _arrived[dispatcher].TrySetResult();
        return _arrived[1 - dispatcher].Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
    }
}

/// <summary>Records the message ids it is given, in the order their publish completed; <c>before</c> runs first and may throw or wait.</summary>
public sealed class RecordingPublisher(Func<Guid, CancellationToken, Task>? before = null) : IOutboxPublisher
{
    public ConcurrentQueue<Guid> Published { get; } = new();

    public async Task PublishAsync(Guid messageId, object message, Type messageType, CancellationToken ct)
    {
        if (before is not null) await before(messageId, ct);
        Published.Enqueue(messageId);
    }
}
