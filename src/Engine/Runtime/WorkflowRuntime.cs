using System.Text.Json.Nodes;
using Engine.Calendar;
using Engine.Definitions;
using Engine.Incidents;
using Engine.Metrics;
using Engine.Timers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Engine.Runtime;

/// <summary>
/// Runs instances of published definitions. Every operation is one database transaction (the caller's,
/// when one is passed, so domain rows and engine rows commit together); nothing waits in memory.
/// </summary>
public sealed partial class WorkflowRuntime(
    NpgsqlDataSource dataSource,
    IWorkingCalendar calendar,
    TimeProvider clock,
    StepHandlerRegistry handlers,
    DefinitionCache definitions,
    IServiceProvider services,
    IOptions<TimerOptions> timerOptions,
    EngineMetrics metrics,
    ILogger<WorkflowRuntime> logger)
{
    private TimerFailures failures => new(dataSource, clock, timerOptions.Value, metrics);

    /// <summary>Starts an instance on the latest published version (or the given one) and runs it to its first waits.</summary>
    public Task<EngineResult<TransitionResult>> StartAsync(StartInstance request, NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        InTransactionAsync<TransitionResult>(EngineOperations.Start, transaction, async tx =>
        {
            if ((Lengths.Actor(request.Actor) ?? Lengths.Check(request.BusinessKey, Lengths.BusinessKey, "businessKey")) is { } tooLong) return tooLong;
            var resolved = request.Resolved is { } given && given.Answers(request) ? await UseAsync(tx, given, ct) : await ResolveForStartAsync(tx, request, ct);
            if (!resolved.Succeeded) return resolved.Error!;
            var (recordId, definition) = resolved.Value;
            var variables = request.Variables?.DeepClone().AsObject() ?? [];
            foreach (var input in definition.Inputs.Where(i => i.Required))
                if (!variables.TryGetPropertyValue(input.Name, out var v) || v is null || v.ToString().Length == 0)
                    return new EngineError(EngineErrorCode.InvalidData, $"Input '{input.Name}' is required.", input.Name);

            var now = clock.GetUtcNow();
            var header = new InstanceHeader(request.InstanceId ?? Guid.CreateVersion7(now), definition.Id, definition.Version, request.BusinessKey);
            var plan = new TransitionPlan(header.Id, now, new InstanceVariables(variables), []);
            plan.Record("Started", request.Actor, to: definition.StartStepId,
                data: new JsonObject { ["definition"] = definition.Id, ["version"] = definition.Version });
            plan.Emit(request.Messages);
            var executor = new Executor(definition, header, plan, calendar, handlers);
            if (await executor.EnterAsync(new Token(Guid.CreateVersion7(now), definition.StartStepId!, TokenState.Waiting, []),
                    definition.StartStepId!, request.Actor, ct) is { } error) return error;
            if (request.FirstStep is { } first && await TakeFirstStepAsync(first, request.Actor, definition, plan, executor, ct) is { } refused) return refused;
            var deferred = request.DeferWrite && tx.Borrowed ? new PendingWrite() : null;
            await InstanceStore.WriteAsync(tx, plan, header,
                new InstanceStore.WriteOptions(null, DefinitionRecordId: recordId, CreatedBy: request.Actor, NoOtherOpenWork: true, Defer: deferred), ct);
            return Result(plan, 1) with
            {
                FirstStepTaken = plan.FirstStepTaken is { } taken ? WorkItemMapping.ToInfo(taken) : null,
                Write = deferred?.Deferred is null ? null : deferred,
            };
        }, ct);

    /// <summary>
    /// Takes an action on an open work item: checks it, checks the data against the step's form, merges it, and moves on
    /// to the action's target.
    /// </summary>
    public Task<EngineResult<TransitionResult>> CompleteAsync(CompleteWorkItem request, NpgsqlTransaction? transaction = null, CancellationToken ct = default) =>
        InTransactionAsync<TransitionResult>(EngineOperations.Complete, transaction, async tx =>
        {
            if (Lengths.Actor(request.Actor) is { } tooLong) return tooLong;
            var loaded = (tx.Borrowed ? request.Locked?.Find(request.WorkItemId) : null) ?? await InstanceStore.LockByWorkItemAsync(tx, request.WorkItemId, ct);
            if (loaded is not var (instance, item)) return NotFound("work item", request.WorkItemId);
            if (item.Status != WorkItemStatus.Open)
                return new EngineError(EngineErrorCode.Conflict, $"Work item {item.Id} is already {item.Status.ToString().ToLowerInvariant()}.");
            if (request.ExpectedRevision is { } expected && expected != instance.Revision)
                return new EngineError(EngineErrorCode.Conflict, $"The instance changed (revision {instance.Revision}, expected {expected}).");
            if (instance.Status != InstanceStatus.Running)
                return new EngineError(EngineErrorCode.NotRunning, $"Instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}.");
            if ((item.ClaimedBy ?? item.Assignee) is { } owner && owner != request.Actor)
                return new EngineError(EngineErrorCode.NotAssignee, $"Work item {item.Id} is assigned to {owner}.", "actor");

            var definition = await definitions.GetAsync(tx, instance.DefinitionRecordId, ct);
            var step = definition?.FindStep(item.StepId);
            if (definition is null || step is null)
                return new EngineError(EngineErrorCode.DefinitionUnavailable, $"Step '{item.StepId}' is missing from the definition.");
            if (FormInput.Read(step, request.Data, out var input) is { } invalid) return invalid;

            var variables = new InstanceVariables(instance.Variables);
            foreach (var (key, value) in input) variables.Set(key, value);
            foreach (var (key, value) in request.Variables ?? []) variables.Set(key, value);
            if (CheckAction(step, request, variables) is { } refused) return refused;
            var action = step.Actions.First(a => a.Name == request.Action);

            var now = clock.GetUtcNow();
            var header = new InstanceHeader(instance.Id, instance.DefinitionId, instance.Version, instance.BusinessKey);
            var tokens = instance.Tokens.Where(t => t.Id != item.TokenId).ToList();
            var token = instance.Tokens.FirstOrDefault(t => t.Id == item.TokenId);
            if (token is null) return new EngineError(EngineErrorCode.Conflict, $"Work item {item.Id} no longer has a waiting path.");
            var plan = new TransitionPlan(instance.Id, now, variables, tokens);
            plan.RecordText("ActionTaken", request.Actor, step.Id, action.To, action.Name, request.Comment, item.Id,
                JsonText.Object((Data: request.Data is null ? null : input, item.DueAt, OnTime: item.DueAt is null || now <= item.DueAt), static (w, d) =>
                {
                    w.WritePropertyName("data");
                    if (d.Data is null) w.WriteNullValue();
                    else d.Data.WriteTo(w);
                    w.Write("dueAt", d.DueAt);
                    w.WriteBoolean("onTime", d.OnTime);
                }));
            plan.Emit(request.Messages);
            var executor = new Executor(definition, header, plan, calendar, handlers);
            if (await executor.EnterAsync(token, action.To, request.Actor, ct) is { } error) return error;
            var written = await InstanceStore.WriteAsync(tx, plan, header, new InstanceStore.WriteOptions(instance,
                CompletedWorkItem: item.Id, CompletedBy: request.Actor, Action: action.Name, CancelDeadlines: step.OnOverdue.Count > 0,
                NoOtherOpenWork: instance.Tokens.Count == 1), ct);
            if (!written) return new EngineError(EngineErrorCode.Conflict, $"Work item {item.Id} was completed by someone else.");
            return Result(plan, instance.Revision + 1);
        }, ct);

    private static EngineError? CheckAction(StepDefinition step, CompleteWorkItem request, InstanceVariables variables)
    {
        var action = step.Actions.FirstOrDefault(a => a.Name == request.Action);
        if (action is null)
            return new EngineError(EngineErrorCode.ActionNotAllowed,
                $"Action '{request.Action}' is not allowed at step '{step.Id}'; allowed: {string.Join(", ", step.Actions.Select(a => a.Name))}.", "action");
        if (action.Guard is { } guard && (!Expressions.Expression.TryParse(guard, out var expr, out _) || !expr!.EvaluateBool(variables.View)))
            return new EngineError(EngineErrorCode.ActionNotAllowed, $"Action '{action.Name}' is not allowed now: {guard} does not hold.", "action");
        if (action.CommentRequired && string.IsNullOrWhiteSpace(request.Comment))
            return new EngineError(EngineErrorCode.InvalidData, $"Action '{action.Name}' needs a comment.", "comment");
        foreach (var field in action.Requires)
            if (variables.Find(field) is not { } value || value.ToString().Length == 0)
                return new EngineError(EngineErrorCode.InvalidData, $"Field '{field}' is required for action '{action.Name}'.", field);
        return null;
    }

    private async Task<EngineResult<(Guid, WorkflowDefinition)>> ResolveForStartAsync(EngineTransaction tx, StartInstance request, CancellationToken ct)
    {
        ResolvedStart resolved;
        await using (var batch = tx.Batch())
        {
            batch.BatchCommands.Add(StartResolution.Command(request.DefinitionId, request.Version));
            await using var r = await batch.ExecuteReaderAsync(ct);
            resolved = await StartResolution.ReadAsync(r, request.DefinitionId, request.Version, ct);
        }
        return await UseAsync(tx, resolved, ct);
    }

    private async Task<EngineResult<(Guid, WorkflowDefinition)>> UseAsync(EngineTransaction tx, ResolvedStart resolved, CancellationToken ct)
    {
        if (StartResolution.Refusal(resolved) is { } refused) return refused;
        var definition = await definitions.GetAsync(tx, resolved.RecordId!.Value, ct);
        return EngineResult<(Guid, WorkflowDefinition)>.Ok((resolved.RecordId.Value, definition!));
    }

    private static TransitionResult Result(TransitionPlan plan, int revision) => new(
        plan.InstanceId, revision, plan.Status, plan.Outcome,
        plan.OpenedWorkItems.ConvertAll(WorkItemMapping.ToInfo), ActiveSteps(plan.Tokens)) { OpenWorkItems = plan.OpenAfter, Pending = plan.Variables };

    private static List<string> ActiveSteps(List<Token> tokens)
    {
        var steps = new List<string>(tokens.Count);
        foreach (var token in tokens)
            if (!steps.Contains(token.StepId)) steps.Add(token.StepId);
        return steps;
    }

    private static EngineError NotFound(string what, Guid id) => new(EngineErrorCode.NotFound, $"No {what} {id}.");

    /// <summary>
    /// Runs one operation in the caller's transaction or in its own. A deadlock or serialization failure is retried a few
    /// times in its own transaction; in the caller's it cannot be (the caller's earlier work is part of it), so the
    /// operation is undone to its savepoint. Either way a caller gets the engine's Conflict, never the database error.
    /// </summary>
    private async Task<EngineResult<T>> InTransactionAsync<T>(string operation, NpgsqlTransaction? outer, Func<EngineTransaction, Task<EngineResult<T>>> work,
        CancellationToken ct)
    {
        if (outer is not null)
        {
            var borrowed = new EngineTransaction(outer, borrowed: true);
            try
            {
                var result = await work(borrowed);
                if (!result.Succeeded) await borrowed.UndoAsync(ct);
                else metrics.Transition(operation);
                return result;
            }
            catch (PostgresException e) when (Contention.IsTransient(e))
            {
                await borrowed.UndoAsync(ct);
                return Contention.Conflict(e);
            }
        }
        for (var attempt = 1; ; attempt++)
        {
            await using var conn = await dataSource.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var own = new EngineTransaction(tx, borrowed: false);
            try
            {
                var result = await work(own);
                if (result.Succeeded)
                {
                    await tx.CommitAsync(ct);
                    metrics.Transition(operation);
                }
                else await own.UndoAsync(ct);
                return result;
            }
            catch (PostgresException e) when (Contention.IsTransient(e))
            {
                await own.UndoAsync(ct);
                if (attempt >= Contention.Attempts) return Contention.Conflict(e);
                metrics.ContentionRetry();
                await Task.Delay(Contention.Pause(attempt), ct);
            }
        }
    }
}
