using Microsoft.Extensions.DependencyInjection;
using Engine.Runtime;
using Npgsql;
using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Organisation;
using Worker.Tests.Notifications;
using Tests.Shared;
using Worker.Messaging;
using Worker.Notifications;
using Worker.Sla;
using Worker.Templates;

namespace Worker.Tests.Messaging;

/// <summary>
/// The whole path inside one Worker host on the in-memory bus: an outbox row, the engine's dispatcher, the consumer,
/// the delivery dispatcher (log channels) and the push consumer; and Hangfire with the recurring jobs.
/// </summary>
public sealed class When_the_worker_runs_in_one_process
{
    private WorkerFactory _factory = null!;
    private readonly RecordingPusher _pusher = new();

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new WorkerFactory(new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync("worker_one_process"),
            ["Delivery:PollInterval"] = "00:00:00.100",
        }, services => services.AddSingleton<INotificationPusher>(_pusher));
        _ = _factory.Services;
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    private NpgsqlDataSource DataSource => _factory.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<long> PollAsync(string sql, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = DataSource.CreateCommand(sql);
            var value = (long)(await command.ExecuteScalarAsync())!;
            if (value >= expected) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"After 30 s, {value} instead of at least {expected}: {sql}");
            await Task.Delay(100);
        }
    }

    [Test]
    public async Task Should_deliver_a_notice_written_to_the_outbox_on_every_channel()
    {
        var notice = new CitizenNotice(Guid.CreateVersion7(), TemplateEvents.ResultReady, Guid.CreateVersion7(), "000.01.31.H29-260303-0042", null,
            "an@example.vn", "0987654321", new Dictionary<string, string> { ["ReturnPlace"] = "Bộ phận một cửa" }, "Nguyễn Văn An");
        await using (var conn = await DataSource.OpenConnectionAsync())
            await CitizenNoticeOutbox.WriteAsync(conn, null, [notice], DateTimeOffset.UtcNow, CancellationToken.None);
        (await PollAsync($"SELECT count(*) FROM notifications.deliveries WHERE source_message_id = '{notice.MessageId}' AND status = 'Sent'", 2)).ShouldBe(2);
    }

    [Test]
    public async Task Should_tell_the_citizen_about_a_dossier_record_the_use_cases_wrote_to_the_outbox()
    {
        var province = await Province.SeedAsync(_factory.Services);
        var dossier = await province.AddDossierAsync(_factory.Services, "000.01.31.H29-260303-0099", province.CommuneA,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(3));
        var record = OutboxMessage.From(new DossierReceived(dossier.Id, dossier.Code!, province.CommuneA.Id, province.CommuneA.Id, province.Procedure.Id,
            dossier.ReceivedAt!.Value, dossier.AppointmentAt!.Value, 0, CitizenContact.Of(dossier)));
        await using (var command = DataSource.CreateCommand(
            "INSERT INTO engine.outbox (id, instance_id, type, payload, created_at, attempts) VALUES ($1, NULL, $2, $3::jsonb, now(), 0)"))
        {
            command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new() { Value = record.Type });
            command.Parameters.Add(new() { Value = record.Payload.ToJsonString(JsonDefaults.Options) });
            await command.ExecuteNonQueryAsync();
        }
        (await PollAsync($"SELECT count(*) FROM notifications.deliveries WHERE dossier_id = '{dossier.Id}' AND event = 'dossier-received' AND status = 'Sent'", 2))
            .ShouldBe(2);
    }

    [Test]
    public async Task Should_push_each_new_notification_to_the_browsers_of_this_process()
    {
        var item = new InboxItem { Id = Guid.CreateVersion7(), Recipient = "cv.an", Kind = "sla.overdue", Title = "Quá hạn: Thẩm định", Body = "…", CreatedAt = DateTimeOffset.UtcNow };
        await using (var conn = await DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await InboxWriter.WriteAsync(conn, tx, [item], CancellationToken.None);
            await tx.CommitAsync();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_pusher.Pushed.Any(p => p.NotificationId == item.Id) && DateTime.UtcNow < deadline) await Task.Delay(100);
        _pusher.Pushed.ShouldContain(p => p.NotificationId == item.Id && p.Recipient == "cv.an" && p.Title == "Quá hạn: Thẩm định");
    }

    [Test]
    public async Task Should_push_each_notification_of_a_page_written_as_one_message_per_recipient()
    {
        var items = Enumerable.Range(1, 3).Select(i => new InboxItem
        {
            Id = Guid.CreateVersion7(), Recipient = "cv.hoa", Kind = "sla.overdue", Title = $"Quá hạn: việc {i}", Body = "…", CreatedAt = DateTimeOffset.UtcNow,
        }).ToList();
        await using (var conn = await DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await InboxWriter.WriteAsync(conn, tx, items, onePushPerRecipient: true, CancellationToken.None);
            await tx.CommitAsync();
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (items.Any(i => !_pusher.Pushed.Any(p => p.NotificationId == i.Id)) && DateTime.UtcNow < deadline) await Task.Delay(100);
        foreach (var item in items) _pusher.Pushed.ShouldContain(p => p.NotificationId == item.Id && p.Recipient == "cv.hoa" && p.Title == item.Title);
    }

    [Test]
    public async Task Should_register_the_sweep_and_the_digest_as_recurring_Hangfire_jobs_in_their_own_schema()
    {
        (await PollAsync($"SELECT count(*) FROM {SlaJobs.Schema}.set WHERE key = 'recurring-jobs' AND value IN ('{SlaJobs.SweepJobId}', '{SlaJobs.DigestJobId}')", 2))
            .ShouldBe(2);
    }

    [Test]
    public async Task Should_refresh_the_statistics_at_start_and_schedule_the_refresh_as_a_recurring_job()
    {
        (await PollAsync($"SELECT count(*) FROM {SlaJobs.Schema}.set WHERE key = 'recurring-jobs' AND value = '{Worker.Statistics.StatisticsJobs.RefreshJobId}'", 1))
            .ShouldBe(1);
        (await PollAsync("SELECT count(*) FROM procedures.stat_refresh_state", 1)).ShouldBe(1);
    }

    [Test]
    public async Task Should_move_open_due_dates_when_an_admin_adds_a_day_off()
    {
        const string definition = "id: five-days\nversion: 1\ntitle: Năm ngày\nsteps:\n  - id: work\n    kind: human\n    role: specialist\n" +
            "    unit: ward-1\n    budget: 5d\n    actions:\n      - name: done\n        to: end\n  - id: end\n    kind: end\n    outcome: done\n";
        await using var scope = _factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<Engine.Definitions.DefinitionStore>();
        (await store.PublishAsync((await store.SaveDraftAsync(definition, "admin")).Value!.DefinitionId, "admin")).Error.ShouldBeNull();
        var item = (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(new StartInstance("five-days"))).Value!.OpenedWorkItems[0];
        var calendar = _factory.Services.GetRequiredService<CalendarProvider>();
        var dayOff = calendar.Current.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)));

        var admin = new Actor(Guid.CreateVersion7(), "admin", "Quản trị", null, [new ActorMembership(Guid.CreateVersion7(), "000", "/x/", [Role.SystemAdmin])]);
        (await scope.ServiceProvider.GetRequiredService<AddCalendarOverrideHandler>()
            .HandleAsync(admin, new AddCalendarOverride(dayOff, CalendarOverrideKind.DayOff, "Nghỉ đột xuất"))).Error.ShouldBeNull();

        // Outbox, dispatcher, bus, consumer: the work item moves one working day later, with its history row.
        var expected = calendar.Add(item.CreatedAt, Engine.Definitions.WorkingTime.Days(5), "ward-1");
        expected.ShouldBeGreaterThan(item.DueAt!.Value);
        (await PollAsync($"SELECT count(*) FROM engine.work_items WHERE id = '{item.Id}' " +
            $"AND abs(extract(epoch FROM due_at - '{expected.UtcDateTime:O}'::timestamptz)) < 0.001", 1)).ShouldBe(1);
        (await PollAsync($"SELECT count(*) FROM engine.history WHERE instance_id = '{item.InstanceId}' AND kind = 'DueDatesChanged'", 1)).ShouldBe(1);
    }

    [Test]
    public async Task Should_serve_the_engines_gauges_to_prometheus_from_this_machine()
    {
        var client = _factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string text;
        do text = await client.GetStringAsync("/metrics");
        while (!text.Contains("engine_outbox_pending ", StringComparison.Ordinal) && DateTime.UtcNow < deadline && await Task.Delay(100).ContinueWith(_ => true));

        text.ShouldContain("# TYPE engine_outbox_pending gauge");
        text.ShouldContain("engine_timers_lag_seconds ");
        text.ShouldContain("engine_incidents_open{");
    }

    private sealed class RecordingPusher : INotificationPusher
    {
        private readonly List<NotificationCreated> _pushed = [];
        public IReadOnlyList<NotificationCreated> Pushed { get { lock (_pushed) return [.. _pushed]; } }

        public Task PushAsync(NotificationCreated notification, CancellationToken ct)
        {
            lock (_pushed) _pushed.Add(notification);
            return Task.CompletedTask;
        }
    }
}
