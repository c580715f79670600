using Engine.Runtime;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: a branch's (consulted agency's) deadline was computed but only used for a "late" flag on
/// arrival; its work items did not carry it, so the SLA sweep and the inboxes never saw it. Now a step inside a branch is
/// due no later than its branch, and a definition says what happens when a branch or a step passes its due time.
/// </summary>
public sealed class When_a_consulted_agency_misses_its_deadline : EngineTest
{
    private const string Consult = """
        id: consult-with-deadlines
        version: 1
        title: Consultation with deadlines
        steps:
          - id: prepare
            kind: human
            role: specialist
            budget: 4h
            actions:
              - name: send
                to: consult
          - id: consult
            kind: split
            join: consulted
            branches:
              - name: tax
                start: tax-opinion
                budget: 1d
                onOverdue:
                  - do: remind
                  - after: 1d
                    do: move
                    to: consulted
              - name: land
                start: land-opinion
                budget: 3d
          - id: tax-opinion
            kind: human
            role: consulted-officer
            budget: 5d
            actions:
              - name: reply
                to: consulted
          - id: land-opinion
            kind: human
            role: consulted-officer
            budget: 2d
            onOverdue:
              - do: escalate
                role: section-head
            actions:
              - name: reply
                to: consulted
          - id: consulted
            kind: join
            next: decide
          - id: decide
            kind: human
            role: unit-leader
            budget: 4h
            actions:
              - name: approve
                to: done
          - id: done
            kind: end
            outcome: approved
        """;

    [SetUp]
    public Task Publish() => PublishAsync(Consult);

    [Test]
    public async Task Should_make_a_step_inside_a_branch_due_no_later_than_the_branch()
    {
        var split = await SendAsync();
        var tax = split.OpenedWorkItems.Single(w => w.StepId == "tax-opinion");
        var land = split.OpenedWorkItems.Single(w => w.StepId == "land-opinion");
        tax.DueAt.ShouldBe(Monday9.AddDays(1)); // the branch's 1d, not the step's 5d: Tuesday 09:00 on the default calendar
        land.DueAt.ShouldBe(Monday9.AddDays(2)); // the step's 2d comes before the branch's 3d
        (await CountAsync($"SELECT count(*) FROM engine.work_items WHERE id = '{tax.Id}' AND due_at = '{tax.DueAt:O}'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_remind_then_move_the_branch_on_when_it_stays_overdue_and_join_late()
    {
        var split = await SendAsync();
        var land = split.OpenedWorkItems.Single(w => w.StepId == "land-opinion");
        await CompleteAsync(land.Id, "reply", "land-1");

        Clock.Set(split.OpenedWorkItems.Single(w => w.StepId == "tax-opinion").DueAt!.Value.AddMinutes(1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'DeadlinePassed' AND data ->> 'branch' = 'tax'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'engine.deadline-passed' AND payload ->> 'action' = 'remind'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'tax-opinion' AND status = 'Open'")).ShouldBe(1);

        Clock.Advance(TimeSpan.FromDays(1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'tax-opinion' AND status = 'Cancelled'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'BranchArrived' AND data ->> 'branch' = 'tax' AND (data ->> 'late')::boolean")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'decide' AND status = 'Open'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_cancel_the_branch_deadline_when_the_agency_answers_in_time()
    {
        var split = await SendAsync();
        await CompleteAsync(split.OpenedWorkItems.Single(w => w.StepId == "tax-opinion").Id, "reply", "tax-1");
        (await CountAsync("SELECT count(*) FROM engine.timers WHERE kind = 'BranchDeadline' AND status = 'Cancelled'")).ShouldBe(2);
        Clock.Advance(TimeSpan.FromDays(10));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1); // only the land step's escalation
    }

    [Test]
    public async Task Should_escalate_an_overdue_step_to_the_section_head_unassigned()
    {
        var split = await SendAsync();
        var land = split.OpenedWorkItems.Single(w => w.StepId == "land-opinion");
        await CompleteAsync(split.OpenedWorkItems.Single(w => w.StepId == "tax-opinion").Id, "reply", "tax-1");
        (await Runtime.ClaimAsync(land.Id, "land-1")).Succeeded.ShouldBeTrue();
        Clock.Set(land.DueAt!.Value.AddMinutes(1));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);

        (await CountAsync($"SELECT count(*) FROM engine.work_items WHERE id = '{land.Id}' AND role = 'section-head' AND claimed_by IS NULL AND status = 'Open'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'Escalated'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'engine.deadline-passed' AND payload ->> 'role' = 'section-head'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_cancel_a_step_deadline_when_the_step_is_done_in_time()
    {
        var split = await SendAsync();
        await CompleteAsync(split.OpenedWorkItems.Single(w => w.StepId == "land-opinion").Id, "reply", "land-1");
        (await CountAsync("SELECT count(*) FROM engine.timers WHERE kind = 'Deadline' AND status = 'Cancelled'")).ShouldBe(1);
    }

    private async Task<TransitionResult> SendAsync()
    {
        var started = await StartAsync("consult-with-deadlines");
        return await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");
    }
}
