namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: a split branch that ended the case in the same transition left an Open work item on a
/// Completed instance, and its "opened" message was still published. Ending now cancels every open item of every branch.
/// </summary>
public sealed class When_a_branch_ends_the_case : EngineTest
{
    private const string ChecksFirst = """
        id: checks-first
        version: 1
        title: One branch may end the case at once
        inputs:
          - name: eligible
            type: boolean
        steps:
          - id: prepare
            kind: human
            role: specialist
            budget: 1d
            form:
              - name: eligible
                type: boolean
            actions:
              - name: send
                to: consult
          - id: consult
            kind: split
            join: consulted
            branches:
              - name: opinion
                start: give-opinion
                budget: 2d
              - name: eligibility
                start: check
                budget: 1d
          - id: give-opinion
            kind: human
            role: consulted-officer
            budget: 2d
            actions:
              - name: reply
                to: consulted
          - id: check
            kind: automatic
            set:
              checked: true
            next: refused
          - id: consulted
            kind: join
            next: approved
          - id: approved
            kind: end
            outcome: approved
          - id: refused
            kind: end
            outcome: refused
        """;

    [Test]
    public async Task Should_leave_no_open_item_and_publish_nothing_for_the_branch_opened_in_the_same_transition()
    {
        await PublishAsync(ChecksFirst);
        var started = await StartAsync("checks-first");
        var outboxBefore = await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'engine.work-item-opened'");

        var sent = await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");

        sent.Status.ShouldBe(Engine.Runtime.InstanceStatus.Completed);
        sent.Outcome.ShouldBe("refused");
        sent.OpenedWorkItems.ShouldBeEmpty();
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open'")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'give-opinion'")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'engine.work-item-opened'")).ShouldBe(outboxBefore);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'WorkItemOpened' AND to_step = 'give-opinion'")).ShouldBe(0);
    }

    [Test]
    public async Task Should_cancel_the_other_branches_open_items_with_a_history_row_each()
    {
        await PublishAsync(SampleDefinitions.Consultation);
        var started = await StartAsync("consultation");
        var split = await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");
        (await Runtime.CancelAsync(started.InstanceId, "leader-1", "Công dân rút hồ sơ")).Succeeded.ShouldBeTrue();

        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open'")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Cancelled'")).ShouldBe(split.OpenedWorkItems.Count);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'WorkItemCancelled'")).ShouldBe(split.OpenedWorkItems.Count);
    }
}
