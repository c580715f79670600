using System.Text.Json.Nodes;
using Engine.Queries;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Runtime;

/// <summary><see cref="StartInstance.FirstStep"/>: the start and the first human step's action in one call and one write.</summary>
public sealed class When_a_start_takes_its_first_step : EngineTest
{
    [SetUp]
    public Task Publish() => PublishAsync(SampleDefinitions.Approval);

    private Task<EngineResult<TransitionResult>> StartTakingAsync(FirstStep first, string actor = "clerk-1") =>
        Runtime.StartAsync(new StartInstance("approval", new JsonObject { ["applicant"] = "Nguyễn Văn A", ["unit"] = "ubnd-xa-a" },
            BusinessKey: "BK-1", Actor: actor) { FirstStep = first });

    [Test]
    public async Task Should_leave_the_instance_where_a_start_then_a_complete_would()
    {
        var started = await StartTakingAsync(new FirstStep("accept", "receive", "Đủ hồ sơ", Messages: [new OutboxMessage("dossier.received", new JsonObject { ["n"] = 1 })]));

        started.Error.ShouldBeNull();
        var moved = started.Value!;
        moved.Revision.ShouldBe(1);
        moved.FirstStepTaken!.StepId.ShouldBe("receive");
        moved.OpenedWorkItems.Select(w => w.StepId).ShouldBe(["assign"]);
        moved.OpenWorkItems.Select(w => w.StepId).ShouldBe(["assign"]);
        var view = await NewScope().ServiceProvider.GetRequiredService<InstanceQueries>().GetAsync(moved.InstanceId);
        view!.History.Select(h => h.Kind).ShouldBe(["Started", "WorkItemOpened", "ActionTaken", "WorkItemOpened"]);
        view.History.Single(h => h.Kind == "ActionTaken").ShouldSatisfyAllConditions(
            h => h.Actor.ShouldBe("clerk-1"), h => h.Comment.ShouldBe("Đủ hồ sơ"), h => $"{h.FromStep}>{h.Action}>{h.ToStep}".ShouldBe("receive>accept>assign"));
        (await CountAsync($"SELECT count(*) FROM engine.work_items WHERE id = '{moved.FirstStepTaken.Id}' AND status = 'Completed' " +
            "AND completed_by = 'clerk-1' AND action = 'accept' AND completed_at IS NOT NULL")).ShouldBe(1);
        // The receive step's deadline timers and its opened-message went with it: nobody is to be told of work already done.
        (await CountAsync($"SELECT count(*) FROM engine.timers WHERE work_item_id = '{moved.FirstStepTaken.Id}'")).ShouldBe(0);
        (await CountAsync($"SELECT count(*) FROM engine.outbox WHERE payload ->> 'workItemId' = '{moved.FirstStepTaken.Id}'")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.outbox WHERE type = 'dossier.received'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_start_nothing_when_the_action_is_not_allowed()
    {
        var started = await StartTakingAsync(new FirstStep("approve", "receive"));

        started.Error!.Code.ShouldBe(EngineErrorCode.ActionNotAllowed);
        started.Error.Field.ShouldBe("action");
        (await CountAsync("SELECT count(*) FROM engine.instances")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.work_items")).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_a_step_the_start_did_not_open()
    {
        var started = await StartTakingAsync(new FirstStep("assign", "assign"));

        started.Error!.Code.ShouldBe(EngineErrorCode.ActionNotAllowed);
        started.Error.Field.ShouldBe("step");
        (await CountAsync("SELECT count(*) FROM engine.instances")).ShouldBe(0);
    }

    [Test]
    public async Task Should_refuse_data_beyond_the_steps_form()
    {
        var started = await StartTakingAsync(new FirstStep("accept", Data: new JsonObject { ["specialist"] = "spec-7" }));

        started.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        started.Error.Field.ShouldBe("specialist");
        (await CountAsync("SELECT count(*) FROM engine.instances")).ShouldBe(0);
    }
}
