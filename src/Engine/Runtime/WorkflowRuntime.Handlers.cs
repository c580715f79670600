using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Engine.Metrics;

namespace Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Calls the handler of an automatic step after the transition that reached it committed. The timer is leased and the
    /// lease committed first, so nothing is locked while the other system answers; the result is written in a new
    /// transaction only while the lease is still this poller's. A poller that dies mid-call leaves the lease to expire and
    /// another calls again with the same idempotency key (the timer id), which the other system uses to do the work once.
    /// </summary>
    private async Task<Fire> RunHandlerAsync(EngineTransaction tx, InstanceStore.LoadedInstance instance, ClaimedTimer timer,
        DateTimeOffset now, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(tx, instance.DefinitionRecordId, ct);
        var step = definition?.FindStep(timer.StepId);
        var type = step?.Handler is { } name ? handlers.Find(name) : null;
        var lease = Millis(now + timerOptions.Value.HandlerLease);
        await using (var take = tx.Batch("UPDATE engine.timers SET leased_until = $2 WHERE id = $1", timer.Id, lease))
            await take.ExecuteNonQueryAsync(ct);
        await tx.Transaction.CommitAsync(ct);

        string error;
        try
        {
            if (step is null || type is null) throw new InvalidOperationException($"No handler is registered for step '{timer.StepId}' ({step?.Handler}).");
            var before = JsonNode.Parse(instance.Variables)!.AsObject();
            var context = new StepHandlerContext(instance.Id, instance.DefinitionId, instance.BusinessKey, step.Id,
                before.DeepClone().AsObject(), now, services) { IdempotencyKey = timer.Id, Attempt = timer.Attempts + 1 };
            await ((IStepHandler)ActivatorUtilities.GetServiceOrCreateInstance(services, type)).ExecuteAsync(context, ct);
            var applied = await InTransactionAsync<bool>(EngineOperations.Handler, null, t => ApplyHandlerAsync(t, timer, lease, before, context, ct), ct);
            if (applied.Succeeded) return applied.Value ? Fire.Fired : Fire.Skipped;
            error = applied.Error!.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
        }
        await failures.RecordAsync(timer, error, ct);
        return Fire.Failed;
    }

    /// <summary>Merges what the handler changed into the variables as they are now, and moves the token on.</summary>
    private async Task<EngineResult<bool>> ApplyHandlerAsync(EngineTransaction tx, ClaimedTimer timer, DateTimeOffset lease,
        JsonObject before, StepHandlerContext context, CancellationToken ct)
    {
        var instance = await InstanceStore.LockInstanceAsync(tx, timer.InstanceId, ct);
        if (instance is null) return false;
        await using (var read = tx.Batch("SELECT leased_until FROM engine.timers WHERE id = $1 AND status = 'Pending'", timer.Id))
        await using (var r = await read.ExecuteReaderAsync(ct))
        {
            // Taken over by another poller after the lease ran out: its result counts, not this one.
            if (!await r.ReadAsync(ct) || r.IsDBNull(0) || r.GetFieldValue<DateTimeOffset>(0) != lease) return false;
        }
        if (instance.Status != InstanceStatus.Running)
        {
            // Suspended meanwhile: the call is made again, with the same key, after the instance resumes.
            await using var release = tx.Batch("UPDATE engine.timers SET leased_until = NULL WHERE id = $1", timer.Id);
            await release.ExecuteNonQueryAsync(ct);
            return false;
        }
        var definition = await definitions.GetAsync(tx, instance.DefinitionRecordId, ct);
        var step = definition?.FindStep(timer.StepId);
        var token = instance.Tokens.FirstOrDefault(t => t.Id == timer.TokenId);
        if (definition is null || step?.Next is null || token is null)
            return new EngineError(EngineErrorCode.Conflict, $"Handler step '{timer.StepId}' no longer matches its instance.");
        var plan = NewPlan(instance, clock.GetUtcNow(), instance.Tokens.Where(t => t.Id != token.Id));
        foreach (var key in before.Select(p => p.Key).Union(context.Variables.Select(p => p.Key)).ToList())
        {
            var after = context.Variables[key];
            if (JsonNode.DeepEquals(before[key], after)) continue;
            if (context.Variables.ContainsKey(key)) plan.Variables.Set(key, after);
            else plan.Variables.Mutable.Remove(key);
        }
        plan.Record("Automatic", null, step.Id, step.Next, data: new JsonObject
        {
            ["handler"] = step.Handler, ["idempotencyKey"] = timer.Id.ToString(), ["attempt"] = context.Attempt,
        });
        plan.Emit(context.Messages);
        if (await Execute(definition, instance, plan).EnterAsync(token, step.Next, null, ct) is { } error) return error;
        return await WriteFiredAsync(tx, plan, instance, timer, ct) is { } conflict ? conflict : true;
    }

    /// <summary>PostgreSQL keeps microseconds: a lease compared after a round trip must not carry finer ticks.</summary>
    private static DateTimeOffset Millis(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMillisecond, at.Offset);
}
