using Microsoft.Extensions.DependencyInjection;
using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>
/// 2,000 open items of section A, all overdue by more than a working day on Tuesday 3 March 2026 09:00, swept in pages of
/// at most 100 and slices of at most 50 ms: far more than one slice. Each item gets two alerts (overdue to both specialists
/// and the section head, escalated to the commune's leader), four notifications.
/// </summary>
public sealed class When_a_burst_is_swept_in_slices : SlaTest
{
    private const int Items = 2_000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sla:BatchSize"] = "100",
        ["Sla:SliceBudget"] = "00:00:00.050",
    };

    [SetUp]
    public Task ManyDueItems() => OpenDueBurstAsync(2000);

    [Test]
    public async Task Should_alert_the_whole_burst_within_one_sweep_of_many_slices()
    {
        var report = await SweepAsync();

        report.Drained.ShouldBeTrue();
        report.Slices.ShouldBeGreaterThan(1, "the burst does not fit in one slice of 50 ms");
        report.Raised.ShouldBe(Items * 2);
        (await Scalar<long>("SELECT count(*) FROM notifications.inbox WHERE subject_id IN (SELECT id FROM engine.work_items WHERE title = 'Burst')"))
            .ShouldBe(Items * 4);
        (await SweepAsync()).Raised.ShouldBe(0);
    }

    [Test]
    public async Task Should_start_no_page_past_the_slice_budget_and_make_pages_smaller_when_they_are_slow()
    {
        await using var scope = Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<SlaSweep>();
        var cursor = SweepCursor.First(scope.ServiceProvider.GetRequiredService<SlaSettings>());

        var (slice, next) = await sweep.RunSliceAsync(sweep.Plan(Clock.GetUtcNow()), cursor);

        next.Stage.ShouldBe(SweepStage.WorkItems, "one slice of 50 ms leaves most of 2,000 items for the next");
        slice.Raised.ShouldBeLessThan(Items * 2);
        slice.Raised.ShouldBeGreaterThan(0);
        next.PageSize.ShouldBeLessThanOrEqualTo(100);
    }

    [Test]
    public async Task Should_tell_nobody_twice_when_the_process_restarts_between_slices()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var sweep = scope.ServiceProvider.GetRequiredService<SlaSweep>();
            var plan = sweep.Plan(Clock.GetUtcNow());
            var (_, next) = await sweep.RunSliceAsync(plan, SweepCursor.First(scope.ServiceProvider.GetRequiredService<SlaSettings>()));
            (await sweep.RunSliceAsync(plan, next)).Report.Raised.ShouldBeGreaterThan(0);
        }

        var resumed = await SweepAsync();

        resumed.Raised.ShouldBeLessThan(Items * 2);
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts WHERE subject_id IN (SELECT id FROM engine.work_items WHERE title = 'Burst')"))
            .ShouldBe(Items * 2);
        var inbox = await Scalar<long>("SELECT count(*) FROM notifications.inbox WHERE subject_id IN (SELECT id FROM engine.work_items WHERE title = 'Burst')");
        inbox.ShouldBe(Items * 4);
        (await Scalar<long>("SELECT count(DISTINCT (recipient, subject_id, kind)) FROM notifications.inbox")).ShouldBe(await Scalar<long>("SELECT count(*) FROM notifications.inbox"));
    }

    [Test]
    public async Task Should_park_an_item_the_database_refuses_and_alert_the_others()
    {
        var poisoned = await Scalar<Guid>("""
            UPDATE engine.work_items SET title = repeat('x', 600)
            WHERE id = (SELECT id FROM engine.work_items WHERE title = 'Burst' ORDER BY due_at OFFSET 150 LIMIT 1) RETURNING id
            """);

        var report = await SweepAsync();

        report.Parked.ShouldBe(1);
        report.Failed.ShouldBe(0);
        report.Raised.ShouldBe((Items - 1) * 2);
        (await Scalar<long>("SELECT count(*) FROM notifications.inbox WHERE subject_id = $1", poisoned)).ShouldBe(0);
        (await Scalar<string>("SELECT notified_to FROM notifications.sla_alerts WHERE subject_id = $1 AND threshold = 'parked'", poisoned))
            .ShouldContain("PostgresException");
        (await Scalar<long>("SELECT count(*) FROM notifications.inbox WHERE subject_id IN (SELECT id FROM engine.work_items WHERE title = 'Burst')"))
            .ShouldBe((Items - 1) * 4);

        var again = await SweepAsync();
        (again.Raised, again.Parked, again.Failed).ShouldBe((0, 0, 0));
    }
}
