using System.Diagnostics;
using Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Procedures.Hosting;
using Procedures.Organisation;
using Worker;
using Worker.Messaging;
using Worker.Notifications;
using Worker.Sla;
using Worker.Templates;

namespace Benchmarks.Notifications;

/// <summary>
/// (1) SLA sweep time over many open work items of which a few are due: rows bulk-inserted with generate_series,
/// then the first sweep (raises and notifies every due item) and a steady-state sweep (nothing new) are timed.
/// (2) Messages per second end to end in one process on the in-memory bus: notices written to the engine's outbox,
/// published by the dispatcher, handled by the consumer, sent by the delivery dispatcher (log channels), until the
/// delivery log says sent. Run: <c>dotnet run -c Release --project tests/Benchmarks -- notifications [open] [due] [messages]</c>.
/// </summary>
internal static class NotificationsProbe
{
    public static async Task RunAsync(int openItems, int dueItems, int messages)
    {
        var folder = Path.Combine(Path.GetTempPath(), "iso-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
        await using var postgres = await EmbeddedPostgres.StartAsync(folder, durable: false);
        await postgres.EnsureDatabaseAsync("bench");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hangfire:Enabled"] = "false", ["Delivery:PollInterval"] = "00:00:00.050", ["Delivery:BatchSize"] = "200",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddWorkflowEngine(postgres.ConnectionString("bench")).AddProcedures().AddNotifications(config).AddWorkerServices(config);
        using var host = builder.Build();
        await host.Services.MigrateWorkflowEngineAsync();
        await host.Services.MigrateProceduresAsync();
        await host.Services.MigrateNotificationsAsync();
        var db = host.Services.GetRequiredService<NpgsqlDataSource>();

        await SweepAsync(host.Services, db, postgres.ConnectionString("bench"), openItems, dueItems);
        if (messages == 0)
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return;
        }
        await host.StartAsync();
        await ThroughputAsync(db, messages);
        await host.StopAsync();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static async Task SweepAsync(IServiceProvider services, NpgsqlDataSource db, string connectionString, int openItems, int dueItems)
    {
        var unit = Guid.CreateVersion7();
        var sw = Stopwatch.StartNew();
        await ExecuteAsync(db, $$"""
            INSERT INTO procedures.unit_types (code, name, rank) VALUES ('section', 'Phòng', 1);
            INSERT INTO procedures.units (id, code, name, type_code, path, effective_from) VALUES ('{{unit}}', 'B.01', 'Phòng thử', 'section', '/{{unit}}/', '2025-07-01');
            INSERT INTO procedures.officials (id, user_name, full_name, is_active) VALUES (gen_random_uuid(), 'cv.bench', 'Chuyên viên', true), (gen_random_uuid(), 'tp.bench', 'Trưởng phòng', true);
            INSERT INTO procedures.memberships (id, official_id, unit_id, roles, effective_from)
              SELECT gen_random_uuid(), id, '{{unit}}', CASE WHEN user_name = 'cv.bench' THEN ARRAY['{{Role.Specialist}}'] ELSE ARRAY['{{Role.SectionHead}}'] END, '2025-07-01' FROM procedures.officials;
            INSERT INTO engine.definitions (id, definition_id, version, title, is_published, is_latest, body, content_hash, created_at)
              VALUES ('{{unit}}', 'bench', 1, 'bench', true, true, '{}'::jsonb, '', now());
            INSERT INTO engine.instances (id, definition_record_id, definition_id, definition_version, status, variables, tokens, revision, created_at, updated_at)
              VALUES ('{{unit}}', '{{unit}}', 'bench', 1, 'Running', '{}'::jsonb, '[]', 0, now(), now());
            -- {{dueItems}} open items due between 2 days ago and 6 hours from now; the rest due 30 to 400 days ahead.
            INSERT INTO engine.work_items (id, instance_id, token_id, definition_id, step_id, title, role, unit_id, status, created_at, due_at, revision)
              SELECT gen_random_uuid(), '{{unit}}', gen_random_uuid(), 'bench', 'appraise', 'Thẩm định', 'specialist', '{{unit}}', 'Open', now() - interval '5 days',
                     CASE WHEN g <= {{dueItems}} THEN now() - interval '2 days' + (g * interval '54 hours' / {{dueItems}})
                          ELSE now() + interval '30 days' + (g % 370) * interval '1 day' END, 0
              FROM generate_series(1, {{openItems}}) g;
            ANALYZE engine.work_items;
            """);
        Console.WriteLine($"bulk insert of {openItems:N0} open work items ({dueItems:N0} due): {sw.Elapsed.TotalSeconds:0.0} s");

        for (var run = 1; run <= 3; run++)
        {
            await using var scope = services.CreateAsyncScope();
            sw.Restart();
            var report = await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunAsync();
            Console.WriteLine($"sweep {run}: {sw.Elapsed.TotalMilliseconds:0} ms — {report.WorkItems:N0} in range, {report.Raised:N0} alerts raised, {report.Notified:N0} notifications, " +
                $"{report.Batches} transactions, longest {report.LongestBatch.TotalMilliseconds:0} ms, {report.Slices} slices, longest {report.LongestSlice.TotalMilliseconds:0} ms; reading {report.Phases.Reading.TotalMilliseconds:0} ms, " +
                $"computing {report.Phases.Computing.TotalMilliseconds:0} ms, writing {report.Phases.Writing.TotalMilliseconds:0} ms");
        }
        // The page reads of a steady-state sweep one by one: a statement prepared and run again may change plan after five runs.
        var pageWatch = Stopwatch.StartNew();
        var horizon = DateTimeOffset.UtcNow.AddDays(1);
        (DateTimeOffset, Guid) middle = (SlaCandidates.Start, Guid.Empty);
        await using var unprepared = NpgsqlDataSource.Create(connectionString + ";Max Auto Prepare=0");
        foreach (var (name, source) in new[] { ("prepared", db), ("unprepared", unprepared) })
        {
            (DateTimeOffset, Guid) after = (SlaCandidates.Start, Guid.Empty);
            for (var page = 1; page <= 12; page++)
            {
                pageWatch.Restart();
                var subjects = await SlaCandidates.WorkItemsAsync(source, horizon, after, 500, default);
                Console.WriteLine($"  page read {page} ({name}): {subjects.Count} rows in {pageWatch.Elapsed.TotalMilliseconds:0} ms");
                if (subjects.Count == 0) break;
                after = (subjects[^1].DueAt, subjects[^1].Id);
                if (page == 4) middle = after;
            }
        }
        await using var explain = db.CreateCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) " + SlaCandidates.WorkItemsSql);
        SlaCandidates.Bind(explain, horizon, middle, 500);
        await using var r = await explain.ExecuteReaderAsync();
        while (await r.ReadAsync()) Console.WriteLine("  " + r.GetString(0));
    }

    private static async Task ThroughputAsync(NpgsqlDataSource db, int messages)
    {
        // Let the dispatcher drain the sweep's push messages first, so the timing covers the notices only.
        while (await CountAsync(db, "SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NULL") > 0) await Task.Delay(100);
        var notices = Enumerable.Range(1, messages).Select(i => new CitizenNotice(Guid.CreateVersion7(), TemplateEvents.DossierReceived, Guid.CreateVersion7(),
            $"B.01-260303-{i:0000}", null, null, $"09{i:00000000}", new Dictionary<string, string> { ["AppointmentDate"] = "06/03/2026" })).ToList();
        var sw = Stopwatch.StartNew();
        await using (var conn = await db.OpenConnectionAsync())
            await CitizenNoticeOutbox.WriteAsync(conn, null, notices, DateTimeOffset.UtcNow, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        long sent;
        var lastReport = TimeSpan.Zero;
        while ((sent = await CountAsync(db, "SELECT count(*) FROM notifications.deliveries WHERE status = 'Sent' AND event = 'dossier-received'")) < messages && DateTime.UtcNow < deadline)
        {
            if (sw.Elapsed - lastReport > TimeSpan.FromSeconds(5))
            {
                lastReport = sw.Elapsed;
                Console.WriteLine($"  {sw.Elapsed.TotalSeconds:0}s: published {await CountAsync(db, "SELECT count(*) FROM engine.outbox WHERE dispatched_at IS NOT NULL AND type = 'notifications.citizen-notice'")}, " +
                    $"queued {await CountAsync(db, "SELECT count(*) FROM notifications.deliveries")}, sent {sent}");
            }
            await Task.Delay(50);
        }
        Console.WriteLine($"end to end, one process, in-memory bus: {sent:N0} messages in {sw.Elapsed.TotalSeconds:0.0} s = {sent / sw.Elapsed.TotalSeconds:0} messages/s");
    }

    private static async Task ExecuteAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
