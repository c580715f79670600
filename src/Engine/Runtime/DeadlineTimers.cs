using System.Text.Json.Nodes;
using Engine.Calendar;
using Engine.Definitions;
using Engine.Persistence;

namespace Engine.Runtime;

/// <summary>
/// The timers of deadline rules (<c>onOverdue</c>): one per rule, due its <c>after</c> past the due time. One home for
/// them, because two callers create them: the executor when it opens work or starts a branch, and a migration when it
/// recreates them from the new version's rules.
/// </summary>
internal static class DeadlineTimers
{
    /// <summary>The timers of a human step's rules, watching <paramref name="workItemId"/> from its due time.</summary>
    public static IEnumerable<(int Rule, TimerRecord Timer)> OfWorkItem(IWorkingCalendar calendar, DateTimeOffset now, Guid instanceId,
        Guid tokenId, StepDefinition step, Guid workItemId, DateTimeOffset due, string? unit) =>
        step.OnOverdue.Select((rule, k) => (k, New(now, instanceId, tokenId, step.Id, TimerKind.Deadline, At(calendar, due, rule, unit),
            new JsonObject { ["rule"] = k }, workItemId)));

    /// <summary>The timers of a split branch's rules, watching that branch of one activation from the branch's due time.</summary>
    public static IEnumerable<(int Rule, TimerRecord Timer)> OfBranch(IWorkingCalendar calendar, DateTimeOffset now, Guid instanceId,
        Guid tokenId, string splitStepId, Guid activation, BranchDefinition branch, DateTimeOffset due, string? unit) =>
        branch.OnOverdue.Select((rule, k) => (k, New(now, instanceId, tokenId, splitStepId, TimerKind.BranchDeadline,
            At(calendar, due, rule, unit), BranchData(activation, branch.Name, k))));

    /// <summary>When a deadline rule fires: its <c>after</c> in working time past the due time.</summary>
    public static DateTimeOffset At(IWorkingCalendar calendar, DateTimeOffset due, DeadlineRule rule, string? unit) =>
        rule.After is { Amount: > 0 } after ? calendar.Add(due, after, unit).ToUniversalTime() : due;

    public static JsonObject BranchData(Guid activation, string branch, int rule) =>
        new() { ["activation"] = activation.ToString(), ["branch"] = branch, ["rule"] = rule };

    /// <summary>A pending timer row of any kind.</summary>
    public static TimerRecord New(DateTimeOffset now, Guid instanceId, Guid tokenId, string stepId, TimerKind kind, DateTimeOffset due,
        JsonObject? data = null, Guid? workItemId = null) => new()
        {
            Id = Guid.CreateVersion7(now), InstanceId = instanceId, TokenId = tokenId, StepId = stepId, Kind = kind.ToString(),
            WorkItemId = workItemId, Data = data?.ToJsonString(), DueAt = due, NextAttemptAt = due,
            Status = nameof(TimerStatus.Pending), CreatedAt = now,
        };
}
