using Engine.Hosting;
using Engine.Incidents;
using Engine.Runtime;
using Engine.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Faults;

/// <summary>What operators of Camunda or Flowable do every week: retry or resolve an incident, move a stuck path, cancel or reopen a work item.</summary>
public sealed class When_an_operator_repairs_an_instance : EngineTest
{
    public sealed class Switch { public bool Broken = true; }

    private sealed class Registry(Switch registry) : IStepHandler
    {
        public ValueTask ExecuteAsync(StepHandlerContext context, CancellationToken ct) =>
            registry.Broken ? throw new InvalidOperationException("Registry down.") : ValueTask.CompletedTask;
    }

    private Switch _switch = null!;
    private Incidents.Incidents IncidentDesk => NewScope().ServiceProvider.GetRequiredService<Incidents.Incidents>();

    protected override void Configure(IServiceCollection services)
    {
        _switch = new Switch();
        services.AddSingleton(_switch);
        services.AddWorkflowHandler<Registry>("registry");
        services.Configure<TimerOptions>(o => (o.MaxAttempts, o.BaseDelay) = (2, TimeSpan.FromMinutes(1)));
    }

    private const string CallsRegistry = """
        id: calls-registry
        version: 1
        title: Calls the registry, then a person signs
        steps:
          - id: call
            kind: automatic
            handler: registry
            next: sign
          - id: sign
            kind: human
            role: unit-leader
            budget: 1d
            actions:
              - name: sign
                to: done
          - id: done
            kind: end
            outcome: done
        """;

    [SetUp]
    public async Task Publish()
    {
        await PublishAsync(CallsRegistry);
        await PublishAsync(SampleDefinitions.Approval);
        await PublishAsync(SampleDefinitions.Consultation);
    }

    [Test]
    public async Task Should_list_an_open_incident_and_retry_it_into_success_with_history()
    {
        var started = await OpenIncidentAsync();
        var (incidents, total) = await IncidentDesk.ListAsync(new IncidentFilter { DefinitionId = "calls-registry" });
        total.ShouldBe(1);
        incidents[0].Status.ShouldBe(IncidentStatus.Open);

        _switch.Broken = false;
        (await IncidentDesk.RetryAsync(incidents[0].Id, "admin", null)).Error!.Field.ShouldBe("reason");
        var retried = await IncidentDesk.RetryAsync(incidents[0].Id, "admin", "Sở Tư pháp đã khôi phục hệ thống");
        retried.Value!.Status.ShouldBe(IncidentStatus.Retrying);
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);

        (await IncidentDesk.GetAsync(incidents[0].Id))!.Status.ShouldBe(IncidentStatus.Resolved);
        (await CountAsync($"SELECT count(*) FROM engine.history WHERE instance_id = '{started}' AND kind = 'IncidentRetried' AND actor = 'admin'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'sign' AND status = 'Open'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_open_the_incident_again_at_once_when_a_retry_fails()
    {
        await OpenIncidentAsync();
        var incident = (await IncidentDesk.ListAsync(new IncidentFilter())).Items[0];
        await IncidentDesk.RetryAsync(incident.Id, "admin", "thử lại");
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        (await IncidentDesk.GetAsync(incident.Id))!.Status.ShouldBe(IncidentStatus.Open);
        (await IncidentDesk.ListAsync(new IncidentFilter { Status = IncidentStatus.Open })).Total.ShouldBe(1);
    }

    [Test]
    public async Task Should_resolve_by_hand_then_move_the_stuck_path_on()
    {
        var started = await OpenIncidentAsync();
        var incident = (await IncidentDesk.ListAsync(new IncidentFilter())).Items[0];
        (await IncidentDesk.ResolveAsync(incident.Id, "admin", "Đã nhập tay vào sổ đăng ký")).Value!.ResolvedBy.ShouldBe("admin");
        (await IncidentDesk.ResolveAsync(incident.Id, "admin", "again")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Cancelled'")).ShouldBe(1);

        var moved = await Runtime.MoveTokenAsync(new MoveToken(started, "sign", "admin", "Đã nhập tay vào sổ đăng ký"));
        moved.Value!.ActiveSteps.ShouldBe(["sign"]);
        (await CountAsync($"SELECT count(*) FROM engine.history WHERE instance_id = '{started}' AND kind = 'TokenMoved' AND from_step = 'call' AND to_step = 'sign'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_refuse_a_move_without_a_reason_to_a_missing_step_or_out_of_a_branch()
    {
        var started = await StartAsync("consultation");
        var split = await CompleteAsync(started.OpenedWorkItems[0].Id, "send", "spec-1");
        (await Runtime.MoveTokenAsync(new MoveToken(started.InstanceId, "decide", "admin", " "))).Error!.Field.ShouldBe("reason");
        (await Runtime.MoveTokenAsync(new MoveToken(started.InstanceId, "nowhere", "admin", "x", "tax-opinion"))).Error!.Field.ShouldBe("toStepId");
        (await Runtime.MoveTokenAsync(new MoveToken(started.InstanceId, "decide", "admin", "x"))).Error!.Field.ShouldBe("fromStepId");
        var outOfBranch = await Runtime.MoveTokenAsync(new MoveToken(started.InstanceId, "decide", "admin", "x", "tax-opinion"));
        outOfBranch.Error!.Message.ShouldContain("outside branch 'tax'");

        var toJoin = await Runtime.MoveTokenAsync(new MoveToken(started.InstanceId, "consulted", "admin", "Thuế trả lời bằng văn bản giấy", "tax-opinion"));
        toJoin.Succeeded.ShouldBeTrue();
        (await CountAsync($"SELECT count(*) FROM engine.work_items WHERE id = '{split.OpenedWorkItems.Single(w => w.StepId == "tax-opinion").Id}' AND status = 'Cancelled'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_cancel_a_work_item_and_reopen_it_with_a_new_due_time()
    {
        var started = await StartAsync("approval", new { applicant = "A" });
        var item = started.OpenedWorkItems[0];
        (await Runtime.ReopenWorkItemAsync(item.Id, "admin", "x")).Error!.Code.ShouldBe(EngineErrorCode.Conflict); // still open

        (await Runtime.CancelWorkItemAsync(item.Id, "admin", "Giao nhầm đơn vị")).Succeeded.ShouldBeTrue();
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open'")).ShouldBe(0);
        Clock.Advance(TimeSpan.FromDays(1));
        var reopened = await Runtime.ReopenWorkItemAsync(item.Id, "admin", "Giao lại đúng đơn vị");
        reopened.Value!.OpenedWorkItems.Single().DueAt!.Value.ShouldBeGreaterThan(item.DueAt!.Value);
        (await Runtime.ReopenWorkItemAsync(item.Id, "admin", "again")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind IN ('WorkItemCancelled', 'WorkItemReopened') AND actor = 'admin'")).ShouldBe(2);
    }

    [Test]
    public async Task Should_keep_a_suspended_instance_suspended_through_a_repair()
    {
        var started = await StartAsync("approval", new { applicant = "A" });
        (await Runtime.SuspendAsync(started.InstanceId, "admin", "Chờ thanh tra")).Succeeded.ShouldBeTrue();
        (await Runtime.MoveTokenAsync(new MoveToken(started.InstanceId, "assign", "admin", "Bỏ qua bước tiếp nhận"))).Value!.Status.ShouldBe(InstanceStatus.Suspended);
        (await CountAsync($"SELECT count(*) FROM engine.instances WHERE id = '{started.InstanceId}' AND status = 'Suspended'")).ShouldBe(1);
    }

    private async Task<Guid> OpenIncidentAsync()
    {
        var started = await StartAsync("calls-registry");
        await Runtime.FireDueTimersAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Runtime.FireDueTimersAsync();
        (await CountAsync("SELECT count(*) FROM engine.incidents WHERE status = 'Open'")).ShouldBe(1);
        return started.InstanceId;
    }
}
