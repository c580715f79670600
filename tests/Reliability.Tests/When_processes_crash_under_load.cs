using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Reliability.Tests;

/// <summary>
/// Proof under faults. N dossiers go the main path over HTTP through two API processes while one API and one Worker are
/// killed (SIGKILL) every 30 s, RabbitMQ is restarted once and PostgreSQL once. After a bounded drain every dossier must be
/// consistent (dossier, workflow instance, open work, history), every citizen e-mail must have arrived (a copy only for what
/// was in flight when a Worker died, see docs/reliability.md), no timer may be left behind, the outbox must be empty but
/// for parked rows with a reason, and no dossier may be lost by the client.
/// Sized by environment variables (<see cref="FaultRunSettings"/>); docs/reliability.md has the figures of CI and manual runs.
/// </summary>
[NonParallelizable]
public sealed class When_processes_crash_under_load
{
    private FaultSystem _system = null!;
    private readonly FaultRunSettings _settings = FaultRunSettings.FromEnvironment();
    private readonly Stopwatch _started = Stopwatch.StartNew();

    [OneTimeSetUp]
    public async Task StartTheSystem() => _system = await FaultSystem.StartAsync();

    [OneTimeTearDown]
    public async Task StopTheSystem()
    {
        if (_system is not null) await _system.DisposeAsync();
    }

    [Test]
    public async Task Should_leave_every_dossier_consistent_and_every_notice_delivered_once()
    {
        var startup = _started.Elapsed;
        using var api = new ApiCluster(_system.Apis, "IsoDemo@2025");
        var path = await MainPath.PrepareAsync(api);
        var (done, failures) = (0, new ConcurrentBag<string>());
        var load = Stopwatch.StartNew();
        var run = Parallel.ForEachAsync(Enumerable.Range(1, _settings.Dossiers), new ParallelOptions { MaxDegreeOfParallelism = _settings.Parallel }, async (n, _) =>
        {
            try { await path.RunAsync(n); }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException) { failures.Add($"dossier {n}: {e.Message}"); }
            Interlocked.Increment(ref done);
        });
        var faults = await new FaultInjector(_system, _settings.KillEvery, _settings.Dossiers, () => Volatile.Read(ref done)).RunUntilAsync(run);
        var loadTime = load.Elapsed;

        var state = new SystemState(_system.ConnectionString);
        var drain = await Drain.RunAsync(state, _system.Rabbit, () => Distinct(_system.Smtp.Messages()), _settings.Drain);
        var expectedEmails = drain.EmailsSent;

        var mails = _system.Smtp.Messages().Where(m => m.To.Contains(MainPath.EmailDomain, StringComparison.Ordinal)).ToList();
        var distinctMails = Distinct(mails);
        var deadLettered = await _system.Rabbit.DeadLetteredAsync();
        var skipped = ((await _system.Rabbit.QueuesAsync()) ?? []).Where(q => q.IsSkipped && q.Messages > 0).Select(q => q.ToString()).ToList();
        var report = new StringBuilder()
            .AppendLine($"Fault run: {_settings.Dossiers} dossiers, {_settings.Parallel} at once, kill every {_settings.KillEvery.TotalSeconds:0} s, drain limit {_settings.Drain.TotalSeconds:0} s")
            .AppendLine($"  start {startup.TotalSeconds:0} s, load {loadTime.TotalSeconds:0} s, drain {drain.Took.TotalSeconds:0} s ({drain.Ended})")
            .AppendLine($"  in flight at the end of the drain: {drain.Last}")
            .AppendLine($"  faults: {faults.Kills} kills of an API and a Worker, {faults.UnexpectedExits} exits nobody asked for, " +
                $"RabbitMQ restart {faults.RabbitRestart?.TotalSeconds:0.0} s, PostgreSQL restart {faults.PostgresRestart?.TotalSeconds:0.0} s")
            .AppendLine($"  client: {api.Counts}")
            .AppendLine($"  dossiers: received {await state.ReceivedAsync()}, returned {await state.ReturnedAsync()}, duplicates from retried receptions {await state.DuplicatesAsync()}, client failures {failures.Count}")
            .AppendLine($"  outbox: {await state.OutboxTotalAsync()} rows, pending {await state.OutboxPendingAsync()}, parked {(await state.ParkedAsync()).Count}")
            .AppendLine($"  RabbitMQ error queues: {(deadLettered.Count == 0 ? "empty" : string.Join(", ", deadLettered.Select(q => $"{q.Key} {q.Value}")))}; " +
                $"skipped queues: {(skipped.Count == 0 ? "empty" : string.Join(", ", skipped))}")
            .AppendLine($"  timers: overdue {await state.OverdueTimersAsync()}, failed {await state.FailedTimersAsync()}, pending on finished instances {await state.TimersOfFinishedInstancesAsync()}, open incidents {await state.OpenIncidentsAsync()}")
            .AppendLine($"  deliveries: {string.Join(", ", await state.DeliveriesByStatusAsync())}; e-mails by event: {string.Join(", ", await state.EventsAsync())}")
            .AppendLine($"  SMTP sink: {mails.Count} e-mails, {distinctMails} distinct Message-IDs, {mails.Count - distinctMails} sent twice, {expectedEmails} sent according to the delivery log");
        var missing = await state.MissingNoticesAsync();
        foreach (var (email, trail) in missing.Take(30))
            report.AppendLine($"  missing: {trail}; at the sink for {email}: {mails.Count(m => m.To.Contains(email, StringComparison.OrdinalIgnoreCase))} e-mails");
        if (missing.Count > 30) report.AppendLine($"  missing: {missing.Count - 30} more");
        if (missing.Count > 0 || skipped.Count > 0)
            foreach (var worker in _system.Workers) report.AppendLine($"  last lines of {worker.Name} (warnings and errors):\n{worker.Tail}");
        TestContext.Progress.WriteLine(report);

        failures.ShouldBeEmpty("every dossier went the whole way; a client gave up only on an answer it could not retry");
        (await state.ReturnedAsync()).ShouldBe(_settings.Dossiers, "every dossier returned");
        (await state.InconsistentDossiersAsync()).ShouldBeEmpty("dossier status, workflow instance and open work items agree");
        (await state.HistoryGapsAsync()).ShouldBeEmpty("each step of the main path is in the dossier's history once");
        (await state.WorkItemsWithoutHistoryAsync()).ShouldBe(0, "every completed work item has its history row");
        (await state.OverdueTimersAsync()).ShouldBe(0, "no pending timer more than 60 s past due");
        (await state.FailedTimersAsync()).ShouldBe(0, "no failed timer");
        (await state.TimersOfFinishedInstancesAsync()).ShouldBe(0, "no timer left on a finished instance");
        (await state.OpenIncidentsAsync()).ShouldBe(0, "no open incident");
        (await state.OutboxPendingAsync()).ShouldBe(0, "the outbox drained");
        (await state.ParkedAsync()).ShouldAllBe(p => !p.EndsWith("(no reason)"), "a parked message says why");
        deadLettered.ShouldBeEmpty("no message given up by its consumer into a RabbitMQ error queue");
        skipped.ShouldBeEmpty("no message set aside into a RabbitMQ _skipped queue (no consumer on its endpoint took it)");
        (await state.DeliveriesNotSentAsync()).ShouldBe(0, "every delivery of the run was sent");
        (await state.NoticesQueuedTwiceAsync()).ShouldBe(0, "no notice queued twice for one dossier, event and channel");
        (await state.ReturnedWithoutNoticesAsync()).ShouldBe(0, $"every returned dossier's citizen got the received, result-ready and rating e-mails; drain: {drain.Ended}; " +
            $"in flight: {drain.Last}; missing: {string.Join(" | ", missing.Take(5).Select(m => m.Trail))}");
        distinctMails.ShouldBe(expectedEmails, "every e-mail of the delivery log arrived at the SMTP server");
        // Known, not fixed (docs/reliability.md): a Worker killed, or the database gone, between the SMTP server's acceptance and
        // the Sent mark leaves the row to be sent again when its lease expires. SMTP has no idempotency key, so the copy is
        // possible; it carries the same Message-ID (the delivery id), and the window is one send per dispatcher slot (4).
        // The bound catches a dispatcher that would send more again than what was in flight at a fault.
        var inFlightAtFaults = 4 * (faults.Kills + faults.UnexpectedExits) + 4 * _system.Workers.Count;
        (mails.Count - distinctMails).ShouldBeLessThanOrEqualTo(inFlightAtFaults, "e-mails sent again are only those in flight when a Worker or the database went away");
    }

    private static long Distinct(IEnumerable<(string To, string MessageId)> mails) => mails.Where(m => m.To.Contains(MainPath.EmailDomain, StringComparison.Ordinal)).Distinct().LongCount();
}
