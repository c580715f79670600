using Engine.Runtime;

namespace Engine.Tests.Runtime;

public sealed class When_a_transition_fails_half_way : EngineTest
{
    private const string WithLongUnit = """
        id: long-unit
        version: 1
        title: Opens a step whose unit is too long for a work item
        inputs:
          - name: nextUnit
            type: unit
        steps:
          - id: receive
            kind: human
            role: clerk
            budget: 1h
            actions:
              - name: accept
                to: mark
          - id: mark
            kind: automatic
            set:
              marked: true
            next: process
          - id: process
            kind: human
            role: specialist
            unit: $nextUnit
            budget: 1h
            actions:
              - name: done
                to: done
          - id: done
            kind: end
            outcome: done
        """;

    [Test]
    public async Task Should_refuse_by_name_and_leave_no_history_no_outbox_and_the_work_item_open()
    {
        await PublishAsync(WithLongUnit);
        var started = await StartAsync("long-unit", new { nextUnit = new string('u', 101) });
        var historyBefore = await CountAsync("SELECT count(*) FROM engine.history");
        var outboxBefore = await CountAsync("SELECT count(*) FROM engine.outbox");

        var refused = await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "accept", "clerk-1"));

        refused.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        refused.Error.Field.ShouldBe("nextUnit");
        (await CountAsync("SELECT count(*) FROM engine.history")).ShouldBe(historyBefore);
        (await CountAsync("SELECT count(*) FROM engine.outbox")).ShouldBe(outboxBefore);
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE status = 'Open'")).ShouldBe(1);
        (await CountAsync("SELECT revision FROM engine.instances")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.instances WHERE variables ? 'marked'")).ShouldBe(0);
    }

    [Test]
    public async Task Should_leave_no_trace_when_the_callers_transaction_rolls_back()
    {
        await PublishAsync(SampleDefinitions.Approval);
        await using (var conn = await DataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            var started = await Runtime.StartAsync(new StartInstance("approval", new() { ["applicant"] = "A" }), tx);
            started.Succeeded.ShouldBeTrue();
            await tx.RollbackAsync(); // e.g. the dossier row could not be written
        }
        (await CountAsync("SELECT count(*) FROM engine.instances")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.history")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.outbox")).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.work_items")).ShouldBe(0);
    }

    [Test]
    public async Task Should_keep_the_callers_transaction_usable_after_a_refused_operation()
    {
        await PublishAsync(SampleDefinitions.Approval);
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var started = await Runtime.StartAsync(new StartInstance("approval", new() { ["applicant"] = "A" }), tx);
        var refused = await Runtime.CompleteAsync(new CompleteWorkItem(started.Value!.OpenedWorkItems[0].Id, "nope", "clerk-1"), tx);
        refused.Error!.Code.ShouldBe(EngineErrorCode.ActionNotAllowed);
        (await Runtime.CompleteAsync(new CompleteWorkItem(started.Value.OpenedWorkItems[0].Id, "accept", "clerk-1"), tx)).Succeeded.ShouldBeTrue();
        await tx.CommitAsync();
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'ActionTaken'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_leave_nothing_of_a_write_that_found_the_instance_changed_and_keep_the_callers_transaction_usable()
    {
        await PublishAsync(SampleDefinitions.Approval);
        var started = await StartAsync("approval", new { applicant = "A" });
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var engineTx = new EngineTransaction(tx, borrowed: true);
        var instance = (await InstanceStore.LockInstanceAsync(engineTx, started.InstanceId, default))!;
        var stale = instance with { Revision = instance.Revision + 1 }; // as if read before a concurrent transition
        var plan = new TransitionPlan(instance.Id, Clock.GetUtcNow(), new(instance.Variables), instance.Tokens);
        plan.Record("Suspended", "intruder", comment: "lost the race");
        var header = new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey);

        (await InstanceStore.WriteAsync(engineTx, plan, header, new InstanceStore.WriteOptions(stale), default)).ShouldBeFalse();

        await using (var inTx = new Npgsql.NpgsqlCommand("SELECT count(*) FROM engine.history WHERE actor = 'intruder'", conn, tx))
            ((long)(await inTx.ExecuteScalarAsync())!).ShouldBe(0);
        (await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "accept", "clerk-1"), tx)).Succeeded.ShouldBeTrue();
        await tx.CommitAsync();
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'ActionTaken'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE actor = 'intruder'")).ShouldBe(0);
        (await CountAsync("SELECT revision FROM engine.instances")).ShouldBe(2);
    }
}
