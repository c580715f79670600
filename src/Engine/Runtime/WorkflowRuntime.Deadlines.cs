using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Definitions;
using Engine.Expressions;

namespace Engine.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>A timer step's wait is over: the token moves on to the step's <c>next</c>.</summary>
    private async Task<EngineError?> FireStepAsync(EngineTransaction tx, InstanceStore.LoadedInstance instance, ClaimedTimer timer,
        DateTimeOffset now, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(tx, instance.DefinitionRecordId, ct);
        var step = definition?.FindStep(timer.StepId);
        var token = instance.Tokens.FirstOrDefault(t => t.Id == timer.TokenId);
        if (definition is null || step?.Next is null || token is null)
            return new EngineError(EngineErrorCode.Conflict, $"Timer {timer.Id} no longer matches its instance (step '{timer.StepId}').");
        var plan = NewPlan(instance, now, instance.Tokens.Where(t => t.Id != token.Id));
        plan.Record("TimerFired", null, step.Id, step.Next, data: new JsonObject { ["timer"] = timer.Id.ToString() });
        if (await Execute(definition, instance, plan).EnterAsync(token, step.Next, null, ct) is { } error) return error;
        return await WriteFiredAsync(tx, plan, instance, timer, ct);
    }

    /// <summary>A deadline rule of a work item: remind, escalate, or move on. A work item no longer open has nothing to chase.</summary>
    private async Task<EngineError?> FireDeadlineAsync(EngineTransaction tx, InstanceStore.LoadedInstance instance, ClaimedTimer timer,
        DateTimeOffset now, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(tx, instance.DefinitionRecordId, ct);
        var step = definition?.FindStep(timer.StepId);
        var rule = Rule(step?.OnOverdue, timer);
        var token = instance.Tokens.FirstOrDefault(t => t.Id == timer.TokenId);
        if (definition is null || step is null || rule is null)
            return new EngineError(EngineErrorCode.Conflict, $"Deadline {timer.Id} no longer matches step '{timer.StepId}'.");
        var plan = NewPlan(instance, now, instance.Tokens);
        if (token is null || timer.WorkItemId is not { } item) return await WriteFiredAsync(tx, plan, instance, timer, ct);
        var (open, unit) = await OpenItemUnitAsync(tx, item, ct);
        if (!open) return await WriteFiredAsync(tx, plan, instance, timer, ct);
        var error = await ApplyRuleAsync(definition, instance, plan, rule, [token], step.Id, null, [item], unit, timer.DueAt, ct);
        return error ?? await WriteFiredAsync(tx, plan, instance, timer, ct);
    }

    /// <summary>A deadline rule of a split branch: applies to every path still inside the branch; none left, nothing to do.</summary>
    private async Task<EngineError?> FireBranchDeadlineAsync(EngineTransaction tx, InstanceStore.LoadedInstance instance, ClaimedTimer timer,
        DateTimeOffset now, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(tx, instance.DefinitionRecordId, ct);
        var activation = Guid.TryParse(timer.Data["activation"]?.GetValue<string>(), out var a) ? a : Guid.Empty;
        var branchName = timer.Data["branch"]?.GetValue<string>() ?? "";
        var branch = definition?.FindStep(timer.StepId)?.Branches.Find(b => b.Name == branchName);
        var rule = Rule(branch?.OnOverdue, timer);
        if (definition is null || branch is null || rule is null)
            return new EngineError(EngineErrorCode.Conflict, $"Deadline {timer.Id} no longer matches branch '{branchName}' of '{timer.StepId}'.");
        var plan = NewPlan(instance, now, instance.Tokens);
        var inside = instance.Tokens.Where(t => t.IsIn(activation, branchName) && t.State == TokenState.Waiting).ToList();
        if (inside.Count == 0) return await WriteFiredAsync(tx, plan, instance, timer, ct);
        var items = await OpenItemsOfAsync(tx, instance.Id, inside.Select(t => t.Id).ToArray(), ct);
        var scope = inside[0].Scopes.First(s => s.Is(activation, branchName));
        var error = await ApplyRuleAsync(definition, instance, plan, rule, inside, timer.StepId, scope, items,
            plan.Variables.Resolve(branch.Unit), timer.DueAt, ct);
        return error ?? await WriteFiredAsync(tx, plan, instance, timer, ct);
    }

    private static DeadlineRule? Rule(List<DeadlineRule>? rules, ClaimedTimer timer) =>
        timer.Data["rule"]?.GetValue<int>() is int k && rules is not null && k >= 0 && k < rules.Count ? rules[k] : null;

    /// <summary>
    /// Records the missed deadline and emits it; an escalation hands the open work of <paramref name="paths"/> to the rule's
    /// role and unit; a move takes the paths away (cancelling their work) and continues from the rule's target with one
    /// path in the same branches (up to the branch whose deadline it is).
    /// </summary>
    private async Task<EngineError?> ApplyRuleAsync(WorkflowDefinition definition, InstanceStore.LoadedInstance instance, TransitionPlan plan,
        DeadlineRule rule, List<Token> paths, string stepId, BranchScope? scope, IReadOnlyList<Guid> items, string? unit, DateTimeOffset due,
        CancellationToken ct)
    {
        var branch = scope?.Branch;
        var action = JsonNamingPolicy.CamelCase.ConvertName(rule.Do.ToString());
        var role = rule.Do == DeadlineAction.Escalate ? rule.Role : null;
        var escalatedUnit = rule.Do == DeadlineAction.Escalate ? plan.Variables.Resolve(rule.Unit) : null;
        plan.Record(rule.Do switch { DeadlineAction.Escalate => "Escalated", DeadlineAction.Move => "DeadlineMoved", _ => "DeadlinePassed" },
            null, stepId, rule.To, workItemId: items.Count == 1 ? items[0] : null, data: new JsonObject
            {
                ["action"] = action, ["dueAt"] = due, ["branch"] = branch, ["role"] = role, ["unit"] = escalatedUnit,
                ["workItems"] = new JsonArray(items.Select(i => (JsonNode)i.ToString()).ToArray()),
            });
        plan.Emit(EngineEventTypes.DeadlinePassed, JsonSerializer.SerializeToNode(new DeadlinePassed(instance.Id, instance.DefinitionId,
            instance.BusinessKey, stepId, items, branch, action, due, role, escalatedUnit ?? (role is null ? null : unit), rule.To, plan.Now),
            JsonDefaults.Options)!);
        if (rule.Do == DeadlineAction.Escalate) plan.Escalation = (paths.Select(p => p.Id).ToList(), role, escalatedUnit);
        if (rule.Do != DeadlineAction.Move) return null;

        plan.CancelReason = $"Deadline passed: moved on to '{rule.To}'.";
        foreach (var path in paths) plan.CancelledTokens.Add(path.Id);
        plan.Tokens.RemoveAll(t => plan.CancelledTokens.Contains(t.Id));
        var scopes = scope is null ? paths[0].Scopes : paths[0].Scopes.TakeWhile(s => s != scope).Append(scope).ToList();
        var moved = new Token(Guid.CreateVersion7(plan.Now), rule.To!, TokenState.Waiting, scopes);
        return await Execute(definition, instance, plan).EnterAsync(moved, rule.To!, null, ct);
    }

    private TransitionPlan NewPlan(InstanceStore.LoadedInstance instance, DateTimeOffset now, IEnumerable<Token> tokens) =>
        new(instance.Id, now, new InstanceVariables(instance.Variables), tokens.ToList());

    private Executor Execute(WorkflowDefinition definition, InstanceStore.LoadedInstance instance, TransitionPlan plan) =>
        new(definition, new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey), plan, calendar, handlers);

    private static async Task<EngineError?> WriteFiredAsync(EngineTransaction tx, TransitionPlan plan, InstanceStore.LoadedInstance instance,
        ClaimedTimer timer, CancellationToken ct)
    {
        var header = new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey);
        var written = await InstanceStore.WriteAsync(tx, plan, header,
            new InstanceStore.WriteOptions(instance, FiredTimer: timer.Id, RecoveredAfter: timer.Attempts > 0 ? timer.Attempts : null, ReadOpenWork: false), ct);
        return written ? null : new EngineError(EngineErrorCode.Conflict, $"Instance {instance.Id} changed while timer {timer.Id} fired.");
    }

    /// <summary>Whether a work item is still open, and its unit.</summary>
    private static async Task<(bool Open, string? Unit)> OpenItemUnitAsync(EngineTransaction tx, Guid item, CancellationToken ct)
    {
        await using var batch = tx.Batch("SELECT unit_id FROM engine.work_items WHERE id = $1 AND status = 'Open'", item);
        await using var r = await batch.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (true, r.IsDBNull(0) ? null : r.GetString(0)) : (false, null);
    }

    private static async Task<List<Guid>> OpenItemsOfAsync(EngineTransaction tx, Guid instanceId, Guid[] tokens, CancellationToken ct)
    {
        await using var batch = tx.Batch("SELECT id FROM engine.work_items WHERE instance_id = $1 AND token_id = ANY($2) AND status = 'Open' ORDER BY created_at", instanceId, tokens);
        await using var r = await batch.ExecuteReaderAsync(ct);
        var items = new List<Guid>();
        while (await r.ReadAsync(ct)) items.Add(r.GetGuid(0));
        return items;
    }
}
