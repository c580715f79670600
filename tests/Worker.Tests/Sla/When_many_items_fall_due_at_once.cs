using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>
/// 10,000 open items of section A, all overdue by more than a working day on Tuesday 3 March 2026 09:00 (due on the
/// Thursday before, a second apart), swept in pages of 1,000: the first sweep is stopped after its first page, as a
/// process restarting would stop it, and the next sweep raises the rest. Each item crosses the four thresholds; the
/// overdue one goes to both specialists and the section head, the escalation to the commune's leader, and due soon and
/// due today, passed over by them, are neither told nor recorded (two alert rows per item).
/// </summary>
public sealed class When_many_items_fall_due_at_once : SlaTest
{
    private const int Items = 10_000;
    private readonly BatchWatcher _batches = new();

    // A slice budget of a minute keeps every page at 1,000 items however slow the machine (the slicing has its own tests).
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sla:BatchSize"] = "1000", ["Sla:SliceBudget"] = "00:01:00" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(_batches);
        services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Debug);
    }

    [SetUp]
    public Task ManyDueItems() => OpenDueBurstAsync(10000);

    [Test]
    public async Task Should_raise_every_alert_exactly_once_across_batches_and_a_restart()
    {
        using (var stop = new CancellationTokenSource())
        {
            _batches.OnBatch = stop.Cancel;
            await Should.ThrowAsync<OperationCanceledException>(() => With<SlaSweep, SweepReport>(s => s.RunAsync(stop.Token)));
            _batches.OnBatch = null;
        }
        var afterStop = await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts");
        afterStop.ShouldBeInRange(1, Items * 2 - 1, "the stopped sweep left part of the work behind");

        var report = await SweepAsync();

        report.Batches.ShouldBeGreaterThanOrEqualTo(9);
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts a JOIN engine.work_items w ON w.id = a.subject_id WHERE w.title = 'Burst'"))
            .ShouldBe(Items * 2);
        (await Scalar<long>("""
            SELECT count(*) FROM (SELECT a.subject_id FROM notifications.sla_alerts a JOIN engine.work_items w ON w.id = a.subject_id
                                  WHERE w.title = 'Burst' GROUP BY 1 HAVING count(*) = 2) s
            """)).ShouldBe(Items);
        var inbox = await Scalar<long>("SELECT count(*) FROM notifications.inbox");
        inbox.ShouldBe(Items * 4);
        (await Scalar<long>("SELECT count(DISTINCT (recipient, subject_id, kind)) FROM notifications.inbox")).ShouldBe(inbox);
        (await Scalar<long>("SELECT count(DISTINCT subject_id) FROM notifications.inbox WHERE kind = 'sla.escalated' AND recipient = 'ct.cuong'")).ShouldBe(Items);
        (await Scalar<long>("SELECT count(*) FROM engine.outbox WHERE type = 'notifications.notification-created'")).ShouldBe(0);
        (await Scalar<long>("SELECT coalesce(sum(jsonb_array_length(payload->'notifications')), 0) FROM engine.outbox WHERE type = 'notifications.notifications-created'"))
            .ShouldBe(inbox);
        (await Scalar<long>("SELECT count(*) FROM engine.outbox WHERE type = 'notifications.notifications-created'"))
            .ShouldBeLessThanOrEqualTo(11 * 4, "one push message per recipient and page, not one per notification");
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts WHERE threshold IN ('due-soon', 'due-today')")).ShouldBe(0);
        (await SweepAsync()).Raised.ShouldBe(0);
    }

    [Test]
    public async Task Should_keep_every_transaction_to_one_batch_of_items()
    {
        var report = await SweepAsync();

        report.Raised.ShouldBe(Items * 2);
        report.Batches.ShouldBe(Items / 1000);
        _batches.Sizes.ShouldAllBe(size => size <= 1000);
    }

    /// <summary>Sees the sweep's batch log lines: how many subjects each held, and a hook that runs after each.</summary>
    private sealed class BatchWatcher : ILoggerProvider, ILogger
    {
        public Action? OnBatch { get; set; }
        public List<int> Sizes { get; } = [];

        public ILogger CreateLogger(string categoryName) => categoryName == typeof(SlaSweep).FullName ? this : NullLogger;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> values || !formatter(state, exception).StartsWith("SLA sweep batch:", StringComparison.Ordinal))
                return;
            lock (Sizes) Sizes.Add(Convert.ToInt32(values.First(v => v.Key == "Subjects").Value, System.Globalization.CultureInfo.InvariantCulture));
            OnBatch?.Invoke();
        }

        private static readonly ILogger NullLogger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }
}
