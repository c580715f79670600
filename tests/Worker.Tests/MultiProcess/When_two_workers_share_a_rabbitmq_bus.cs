using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Engine.Runtime;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using Tests.Shared;
using Worker.Messaging;
using Worker.Templates;

namespace Worker.Tests.MultiProcess;

/// <summary>
/// Production shape on one machine: a throwaway RabbitMQ node, two Worker processes (<c>dotnet Worker.dll</c>) on one
/// database, and notices written to the engine's outbox as the API's use cases write them. Each notice must end as
/// exactly one delivered message in the log, also when one worker is killed in the middle; and outbox rows of many
/// instances, published by both workers' dispatchers, reach one queue in each instance's order. Loopback only, bounded in
/// time. The tests share the broker and the workers, so they run in a set order: the kill, then the broker restart, come last.
/// </summary>
[NonParallelizable]
public sealed class When_two_workers_share_a_rabbitmq_bus
{
    private const int Notices = 1000;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private RabbitMqNode _rabbit = null!;
    private NpgsqlDataSource _db = null!;
    private WorkerProcess _a = null!, _b = null!;
    private string _workflows = "";

    [OneTimeSetUp]
    public async Task StartBrokerAndWorkers()
    {
        _rabbit = await RabbitMqNode.StartAsync();
        var connectionString = await TestPostgres.CreateDatabaseAsync("worker_two_processes");
        _db = NpgsqlDataSource.Create(connectionString);
        _workflows = Directory.CreateTempSubdirectory("iso-no-workflows-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["RabbitMq:Host"] = "127.0.0.1",
            ["RabbitMq:Port"] = _rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq:QuorumQueues"] = "false",
            ["Workflows:Folder"] = _workflows,
            ["Delivery:PollInterval"] = "00:00:00.050",
            ["Delivery:BatchSize"] = "100",
            ["Delivery:Lease"] = "00:00:10",
            ["Engine:Outbox:PollInterval"] = "00:00:00.050",
            ["Engine:Outbox:BatchSize"] = "20",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        (_a, _b) = (WorkerProcess.Start(settings), WorkerProcess.Start(settings));
        await Task.WhenAll(_a.WaitUntilReadyAsync(TimeSpan.FromMinutes(2)), _b.WaitUntilReadyAsync(TimeSpan.FromMinutes(2)));
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        if (_a is not null) await _a.DisposeAsync();
        if (_b is not null) await _b.DisposeAsync();
        if (_rabbit is not null) await _rabbit.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
        if (_workflows.Length > 0) Directory.Delete(_workflows, recursive: true);
    }

    [Test, Order(1)]
    public async Task Should_deliver_each_instance_s_outbox_rows_in_sequence_order_with_both_workers_dispatching()
    {
        var received = new ConcurrentQueue<(Guid Id, Guid Instance, int N, string? Source)>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", (ushort)_rabbit.Port, "/", h => { h.Username("guest"); h.Password("guest"); });
            cfg.ReceiveEndpoint("outbox-order-probe", e =>
            {
                e.ConcurrentMessageLimit = 1; // one consumer, one message at a time: it sees the queue's order
                e.Handler<WorkflowMessage>(context =>
                {
                    received.Enqueue((context.MessageId!.Value, context.Message.InstanceId, JsonNode.Parse(context.Message.Payload)!["n"]!.GetValue<int>(),
                        context.SourceAddress?.ToString()));
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var ids = await WriteOrderedRowsAsync(instances: 60, rowsEach: 15);
            var deadline = DateTime.UtcNow + Limit;
            while (received.Count < ids.Length && DateTime.UtcNow < deadline) await Task.Delay(100);
            TestContext.Out.WriteLine($"Two workers: {ids.Length} outbox rows of 60 instances → RabbitMQ → one consumer in {stopwatch.Elapsed.TotalSeconds:0.0} s");

            received.Select(r => r.Id).ShouldBe(ids, ignoreOrder: true, "every row once");
            foreach (var instance in received.GroupBy(r => r.Instance))
                instance.Select(r => r.N).ShouldBe(Enumerable.Range(0, 15), $"instance {instance.Key} in order");
            received.Select(r => r.Source).Distinct().Count().ShouldBe(2, "both workers dispatched");
        }
        finally { await bus.StopAsync(); }
    }

    [Test, Order(2)]
    public async Task Should_deliver_every_notice_exactly_once_with_both_workers_and_after_one_is_killed()
    {
        var stopwatch = Stopwatch.StartNew();
        var first = await WriteNoticesAsync("batch-1");
        (await WaitForSentAsync(first, Notices)).ShouldBe(Notices);
        TestContext.Out.WriteLine($"Two workers: {Notices} notices outbox → RabbitMQ → consumer → delivery log in {stopwatch.Elapsed.TotalSeconds:0.0} s " +
            $"({Notices / stopwatch.Elapsed.TotalSeconds:0} messages/s)");

        var second = await WriteNoticesAsync("batch-2");
        (await WaitForSentAsync(second, Notices / 4)).ShouldBeGreaterThanOrEqualTo(Notices / 4);
        await _a.KillAsync();
        (await WaitForSentAsync(second, Notices)).ShouldBe(Notices, $"worker B output:\n{_b.Output}");
        _b.HasExited.ShouldBeFalse();

        foreach (var batch in new[] { first, second })
        {
            (await CountAsync("SELECT count(*) FROM notifications.deliveries WHERE source_message_id = ANY($1)", batch)).ShouldBe(Notices, "one delivery per notice, none twice");
            (await CountAsync("SELECT count(DISTINCT source_message_id) FROM notifications.deliveries WHERE source_message_id = ANY($1) AND status = 'Sent'", batch)).ShouldBe(Notices);
            (await CountAsync("SELECT count(*) FROM engine.processed_messages WHERE message_id = ANY($1)", batch)).ShouldBe(Notices);
        }
    }

    /// <summary>
    /// The broker is restarted (<c>rabbitmqctl stop</c>, start) with notices queued, delivered to the worker and being
    /// consumed: none may be lost on the way (confirmed publishes are on disk, unacknowledged deliveries come again) and
    /// none may end in an <c>_error</c> or <c>_skipped</c> queue. The fault run met notices missing after a broker restart.
    /// </summary>
    [Test, Order(3)]
    public async Task Should_deliver_every_notice_once_when_the_broker_restarts_in_the_middle()
    {
        var third = await WriteNoticesAsync("batch-3");
        (await WaitForSentAsync(third, Notices / 5)).ShouldBeGreaterThanOrEqualTo(Notices / 5);
        await _rabbit.RestartAsync();
        var sent = await WaitForSentAsync(third, Notices);
        var queues = await _rabbit.QueuesAsync() ?? [];
        var where = $"outbox pending {await CountAsync("SELECT count(*) FROM engine.outbox WHERE id = ANY($1) AND dispatched_at IS NULL", third)}, " +
            $"claimed {await CountAsync("SELECT count(*) FROM engine.processed_messages WHERE message_id = ANY($1)", third)}, " +
            $"queues: {string.Join(", ", queues.Where(q => q.Messages > 0))}; worker B output:\n{_b.Output}";
        sent.ShouldBe(Notices, where);
        (await CountAsync("SELECT count(*) FROM notifications.deliveries WHERE source_message_id = ANY($1)", third)).ShouldBe(Notices, "one delivery per notice, none twice");
        queues.Where(q => (q.IsError || q.IsSkipped) && q.Messages > 0).ShouldBeEmpty(where);
    }

    private async Task<Guid[]> WriteNoticesAsync(string batch)
    {
        var notices = Enumerable.Range(1, Notices).Select(i => new CitizenNotice(Guid.CreateVersion7(), TemplateEvents.DossierReceived, Guid.CreateVersion7(),
            $"000.01.31.H29-260303-{i:0000}", null, null, $"09{i:00000000}", new Dictionary<string, string> { ["AppointmentDate"] = "06/03/2026", ["Batch"] = batch })).ToList();
        await using var conn = await _db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await CitizenNoticeOutbox.WriteAsync(conn, tx, notices, DateTimeOffset.UtcNow, CancellationToken.None);
        await tx.CommitAsync();
        return notices.Select(n => n.MessageId).ToArray();
    }

    /// <summary>Rows of a type nobody maps (published as <see cref="WorkflowMessage"/>), instances taking turns at random.</summary>
    private async Task<Guid[]> WriteOrderedRowsAsync(int instances, int rowsEach)
    {
        var random = new Random(11);
        var next = new int[instances];
        var owners = Enumerable.Range(0, instances).Select(_ => Guid.NewGuid()).ToArray();
        var rows = new List<(Guid Id, Guid Instance, string Payload)>();
        while (rows.Count < instances * rowsEach)
        {
            var k = random.Next(instances);
            if (next[k] < rowsEach) rows.Add((Guid.CreateVersion7(), owners[k], $$"""{"n":{{next[k]++}}}"""));
        }
        await using var command = _db.CreateCommand("""
            INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts)
            SELECT u.id, u.instance_id, 'test.ordered', u.payload, now(), 0
            FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[]) WITH ORDINALITY AS u(id, instance_id, payload, ord) ORDER BY u.ord
            """);
        command.Parameters.Add(new() { Value = rows.Select(r => r.Id).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Instance).ToArray() });
        command.Parameters.Add(new() { Value = rows.Select(r => r.Payload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync();
        return rows.Select(r => r.Id).ToArray();
    }

    /// <summary>Polls the delivery log until <paramref name="atLeast"/> of the batch are sent, or the time limit passes.</summary>
    private async Task<long> WaitForSentAsync(Guid[] batch, int atLeast)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var sent = await CountAsync("SELECT count(*) FROM notifications.deliveries WHERE source_message_id = ANY($1) AND status = 'Sent'", batch);
            if (sent >= atLeast || DateTime.UtcNow > deadline) return sent;
            await Task.Delay(100);
        }
    }

    private async Task<long> CountAsync(string sql, Guid[] ids)
    {
        await using var command = _db.CreateCommand(sql);
        command.Parameters.Add(new() { Value = ids });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
