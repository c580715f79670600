using Procedures.Common;
using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>
/// A work item whose alert title is too long for the inbox is parked by the sweep at its first try (the database refuses it
/// as data; the same row fails the same way on every sweep), listed for the operator with its unit, due time and error, and
/// skipped by later sweeps. Retried after the cause is fixed, the next sweep alerts it, once; retried while still broken, it
/// is parked again at the new sweep's time; dismissed, it is not alerted for this due time, but is for a new one.
/// </summary>
public sealed class When_an_operator_retries_a_parked_subject : SlaTest
{
    private static readonly DateTimeOffset Overdue = At(2026, 3, 5, 9, 30);
    private Guid _item;

    [SetUp]
    public async Task ParkAnItem()
    {
        _item = await OpenWorkItemAsync();
        await ExecuteAsync("UPDATE engine.work_items SET title = repeat('x', 600) WHERE id = $1", _item);
        Clock.Set(Overdue);
        (await SweepAsync()).Parked.ShouldBe(1);
    }

    private Task<ParkedSubjectPage> ListAsync() => With<ParkedSubjects, ParkedSubjectPage>(p => p.ListAsync(0, 50));

    private Task<DomainResult<ParkedSubjectsHandled>> RetryAsync(params Guid[] ids) =>
        With<ParkedSubjects, DomainResult<ParkedSubjectsHandled>>(p => p.RetryAsync(new RetryParkedSubjects(ids)));

    private Task FixTitleAsync() => ExecuteAsync("UPDATE engine.work_items SET title = 'Thẩm định hồ sơ' WHERE id = $1", _item);

    private Task<long> InboxOfItemAsync() => Scalar<long>("SELECT count(*) FROM notifications.inbox WHERE subject_id = $1", _item);

    [Test]
    public async Task Should_list_the_parked_item_with_its_unit_due_time_and_error()
    {
        var page = await ListAsync();

        page.Total.ShouldBe(1);
        var parked = page.Items.ShouldHaveSingleItem();
        (parked.SubjectId, parked.Kind, parked.Unit, parked.DueAt, parked.ParkedAt)
            .ShouldBe((_item, SlaSubject.WorkItem, Province.SectionA.Name, At(2026, 3, 5, 9, 0), Overdue));
        parked.Error.ShouldContain("PostgresException");
        parked.Step.ShouldBe(new string('x', 600));
        (await With<ParkedSubjects, int>(p => p.CountAsync())).ShouldBe(1);
        (await InboxOfItemAsync()).ShouldBe(0);
        var again = await SweepAsync();
        (again.Raised, again.Parked, again.Failed).ShouldBe((0, 0, 0), "a parked item waits for the operator");
    }

    [Test]
    public async Task Should_alert_it_exactly_once_on_the_next_sweep_after_the_cause_is_fixed_and_it_is_retried()
    {
        await FixTitleAsync();
        (await SweepAsync()).Raised.ShouldBe(0, "fixing the data alone does not release it");

        (await RetryAsync(_item)).Value.ShouldBe(new ParkedSubjectsHandled(1));
        (await ListAsync()).Items.ShouldBeEmpty();
        var swept = await SweepAsync();
        (await SweepAsync()).Raised.ShouldBe(0);

        (swept.Raised, swept.Parked, swept.Failed).ShouldBe((1, 0, 0), "the thresholds crossed while it was parked are told as the latest one");
        (await Scalar<long>("SELECT count(*) FROM notifications.inbox WHERE subject_id = $1 AND kind = 'sla.overdue'", _item)).ShouldBeGreaterThan(0);
        (await Scalar<long>("SELECT count(DISTINCT (recipient, kind)) FROM notifications.inbox WHERE subject_id = $1", _item)).ShouldBe(await InboxOfItemAsync());
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts WHERE subject_id = $1 AND threshold = 'parked'", _item)).ShouldBe(0);
    }

    [Test]
    public async Task Should_park_it_again_at_the_new_sweep_when_retried_while_still_broken()
    {
        (await RetryAsync(_item)).Succeeded.ShouldBeTrue();
        Clock.Set(Overdue.AddMinutes(5));

        (await SweepAsync()).Parked.ShouldBe(1);

        var parked = (await ListAsync()).Items.ShouldHaveSingleItem();
        (parked.SubjectId, parked.ParkedAt).ShouldBe((_item, Overdue.AddMinutes(5)));
        parked.Error.ShouldContain("PostgresException");
        (await InboxOfItemAsync()).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_an_unknown_subject_or_an_empty_request_and_change_nothing()
    {
        var unknown = await RetryAsync(_item, Guid.NewGuid());
        (unknown.Error?.Kind, unknown.Error?.Field).ShouldBe((ErrorKind.NotFound, "subjectIds"));
        var empty = await RetryAsync();
        (empty.Error?.Kind, empty.Error?.Field).ShouldBe((ErrorKind.Invalid, "subjectIds"));
        var one = await With<ParkedSubjects, DomainResult<ParkedSubjectsHandled>>(p => p.RetryAsync(Guid.NewGuid()));
        (one.Error?.Kind, one.Error?.Field).ShouldBe((ErrorKind.NotFound, "id"));

        (await ListAsync()).Items.ShouldHaveSingleItem().SubjectId.ShouldBe(_item);
    }

    [Test]
    public async Task Should_retry_every_parked_subject_at_once()
    {
        await FixTitleAsync();

        (await With<ParkedSubjects, DomainResult<ParkedSubjectsHandled>>(p => p.RetryAsync(new RetryParkedSubjects(null, All: true)))).Value!.Count.ShouldBe(1);

        (await SweepAsync()).Raised.ShouldBe(1);
        (await InboxOfItemAsync()).ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Should_not_alert_a_dismissed_item_for_this_due_time_but_for_a_new_one()
    {
        var noReason = await With<ParkedSubjects, DomainResult<ParkedSubjectsHandled>>(p => p.DismissAsync(_item, "admin", " "));
        noReason.Error?.Field.ShouldBe("reason");
        (await With<ParkedSubjects, DomainResult<ParkedSubjectsHandled>>(p => p.DismissAsync(_item, "admin", "Đã báo qua điện thoại"))).Succeeded.ShouldBeTrue();
        await FixTitleAsync();

        (await ListAsync()).Items.ShouldBeEmpty();
        (await SweepAsync()).Raised.ShouldBe(0);
        (await Scalar<string>("SELECT notified_to FROM notifications.sla_alerts WHERE subject_id = $1 AND threshold = 'dismissed'", _item))
            .ShouldStartWith("admin: Đã báo qua điện thoại");

        await ExecuteAsync("UPDATE engine.work_items SET due_at = due_at + interval '1 hour' WHERE id = $1", _item);
        (await SweepAsync()).Raised.ShouldBeGreaterThan(0);
    }
}
