using Engine.Queries;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Runtime;

public sealed class When_a_five_step_approval_runs : EngineTest
{
    [SetUp]
    public Task Publish() => PublishAsync(SampleDefinitions.Approval);

    [Test]
    public async Task Should_walk_every_step_through_a_send_back_loop_to_approved()
    {
        var started = await StartAsync("approval", new { applicant = "Nguyễn Văn A", unit = "ubnd-xa-a" });
        started.OpenedWorkItems.Single().StepId.ShouldBe("receive");
        started.OpenedWorkItems[0].UnitId.ShouldBe("ubnd-xa-a");
        // 09:00 + 4 office hours, across the 12:00–13:00 lunch break
        started.OpenedWorkItems[0].DueAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(7)));

        var assign = await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var process = await CompleteAsync(assign.OpenedWorkItems.Single().Id, "assign", "leader-1", data: new { specialist = "spec-7" });
        process.OpenedWorkItems.Single().Assignee.ShouldBe("spec-7");
        var review = await CompleteAsync(process.OpenedWorkItems[0].Id, "submit", "spec-7");
        var backToProcess = await CompleteAsync(review.OpenedWorkItems.Single().Id, "send-back", "head-1", comment: "Thiếu bản sao CCCD");
        backToProcess.OpenedWorkItems.Single().StepId.ShouldBe("process");
        backToProcess.OpenedWorkItems[0].Assignee.ShouldBe("spec-7");
        var review2 = await CompleteAsync(backToProcess.OpenedWorkItems[0].Id, "submit", "spec-7");
        var sign = await CompleteAsync(review2.OpenedWorkItems.Single().Id, "approve", "head-1");
        var done = await CompleteAsync(sign.OpenedWorkItems.Single().Id, "sign", "leader-1");

        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Outcome.ShouldBe("approved");
        done.OpenedWorkItems.ShouldBeEmpty();
        var view = await NewScope().ServiceProvider.GetRequiredService<InstanceQueries>().GetAsync(started.InstanceId);
        view!.Instance.Status.ShouldBe("Completed");
        view.OpenWorkItems.ShouldBeEmpty();
        view.History.Where(h => h.Kind == "ActionTaken").Select(h => $"{h.FromStep}>{h.Action}>{h.ToStep}").ShouldBe([
            "receive>accept>assign", "assign>assign>process", "process>submit>review", "review>send-back>process",
            "process>submit>review", "review>approve>sign", "sign>sign>approved"]);
        view.History.Single(h => h.Action == "send-back").Comment.ShouldBe("Thiếu bản sao CCCD");
        view.History.Last().Kind.ShouldBe("Completed");
    }

    [Test]
    public async Task Should_refuse_an_action_the_step_does_not_have()
    {
        var started = await StartAsync("approval", new { applicant = "A" });
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "approve", "clerk-1"));
        result.Error!.Code.ShouldBe(EngineErrorCode.ActionNotAllowed);
        result.Error.Field.ShouldBe("action");
        result.Error.Message.ShouldContain("allowed: accept");
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'ActionTaken'")).ShouldBe(0);
    }

    [Test]
    public async Task Should_require_a_comment_to_send_back()
    {
        var review = await WalkToReviewAsync();
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(review, "send-back", "head-1", Comment: "  "));
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe("comment");
    }

    [Test]
    public async Task Should_require_the_fields_an_action_lists()
    {
        var started = await StartAsync("approval", new { applicant = "A" });
        var assign = await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(assign.OpenedWorkItems[0].Id, "assign", "leader-1"));
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe("specialist");
    }

    [Test]
    public async Task Should_let_only_the_assignee_complete_an_assigned_item()
    {
        var started = await StartAsync("approval", new { applicant = "A" });
        var assign = await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var process = await CompleteAsync(assign.OpenedWorkItems[0].Id, "assign", "leader-1", data: new { specialist = "spec-7" });
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(process.OpenedWorkItems[0].Id, "submit", "spec-8"));
        result.Error!.Code.ShouldBe(EngineErrorCode.NotAssignee);
    }

    [Test]
    public async Task Should_refuse_a_start_without_a_required_input()
    {
        var result = await Runtime.StartAsync(new StartInstance("approval"));
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe("applicant");
        (await CountAsync("SELECT count(*) FROM engine.instances")).ShouldBe(0);
    }

    [Test]
    public async Task Should_record_whether_each_hand_off_was_on_time()
    {
        var started = await StartAsync("approval", new { applicant = "A" });
        Clock.Advance(TimeSpan.FromDays(1));
        await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var history = await NewScope().ServiceProvider.GetRequiredService<InstanceQueries>().HistoryAsync(started.InstanceId);
        System.Text.Json.Nodes.JsonNode.Parse(history.Single(h => h.Kind == "ActionTaken").Data!)!["onTime"]!.GetValue<bool>().ShouldBeFalse();
    }

    private async Task<Guid> WalkToReviewAsync()
    {
        var started = await StartAsync("approval", new { applicant = "A" });
        var assign = await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var process = await CompleteAsync(assign.OpenedWorkItems[0].Id, "assign", "leader-1", data: new { specialist = "spec-7" });
        var review = await CompleteAsync(process.OpenedWorkItems[0].Id, "submit", "spec-7");
        return review.OpenedWorkItems[0].Id;
    }
}
