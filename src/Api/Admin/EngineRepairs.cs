using Engine.Incidents;
using Engine.Outbox;
using Engine.Runtime;
using Procedures.Common;
using Procedures.Dossiers;

namespace Api.Admin;

/// <summary>What a timer's retry answers: the timer, now pending with its next attempt due at once.</summary>
public sealed record TimerRetried(Guid TimerId, string Status);

/// <summary>One page of parked messages, newest first, and how many there are in all.</summary>
public sealed record ParkedMessagePage(IReadOnlyList<ParkedMessage> Items, int Total);

/// <summary>
/// The repairs that are the engine's alone (an incident retried or resolved, a timer retried, a parked message replayed or
/// discarded): nothing of the dossier changes until the timer fires or the message is handled, which the engine records in
/// the instance's history. The reason is required and the refusals read as for the dossier's repairs; the endpoints and the
/// pages that call these write the audit row.
/// </summary>
public sealed class EngineRepairs(Incidents incidents, IncidentQueries queries, WorkflowRuntime engine, ParkedMessages parked)
{
    public async Task<ParkedMessagePage> ParkedAsync(int skip, int take, CancellationToken ct = default) =>
        new(await parked.ListAsync(skip, take, ct), await parked.CountAsync(ct));

    /// <summary>Back in line to be published at once, with a fresh set of attempts.</summary>
    public Task<DomainResult<ParkedMessageResolution>> ReplayMessageAsync(Guid id, string actor, string? reason, CancellationToken ct = default) =>
        MessageAsync(reason, r => parked.ReplayAsync(id, actor, r, ct));

    /// <summary>Never published; kept, marked discarded, until the purge deletes it.</summary>
    public Task<DomainResult<ParkedMessageResolution>> DiscardMessageAsync(Guid id, string actor, string? reason, CancellationToken ct = default) =>
        MessageAsync(reason, r => parked.DiscardAsync(id, actor, r, ct));

    public Task<DomainResult<IncidentRow>> RetryIncidentAsync(Guid id, string actor, string? reason, CancellationToken ct = default) =>
        IncidentAsync(reason, r => incidents.RetryAsync(id, actor, r, ct), ct);

    public Task<DomainResult<IncidentRow>> ResolveIncidentAsync(Guid id, string actor, string? reason, CancellationToken ct = default) =>
        IncidentAsync(reason, r => incidents.ResolveAsync(id, actor, r, ct), ct);

    public async Task<DomainResult<TimerRetried>> RetryTimerAsync(Guid id, string actor, string? reason, CancellationToken ct = default)
    {
        if (WorkflowRepairRules.Reason(reason) is { } noReason) return noReason;
        var retried = await engine.RetryTimerAsync(id, actor, reason!.Trim(), ct);
        if (retried.Error is { } error) return WorkflowRepairRules.Refused(error, "hẹn giờ", "Quy trình không ở trạng thái cho phép thử lại hẹn giờ.");
        return new TimerRetried(id, nameof(TimerStatus.Pending));
    }

    private static async Task<DomainResult<ParkedMessageResolution>> MessageAsync(string? reason,
        Func<string, Task<EngineResult<ParkedMessageResolution>>> operation)
    {
        if (WorkflowRepairRules.Reason(reason) is { } noReason) return noReason;
        var done = await operation(reason!.Trim());
        if (done.Error is { } error) return WorkflowRepairRules.Refused(error, "tin nhắn", "Tin nhắn không còn bị giữ lại.");
        return done.Value!;
    }

    private async Task<DomainResult<IncidentRow>> IncidentAsync(string? reason, Func<string, Task<EngineResult<IncidentView>>> operation, CancellationToken ct)
    {
        if (WorkflowRepairRules.Reason(reason) is { } noReason) return noReason;
        var done = await operation(reason!.Trim());
        if (done.Error is { } error) return WorkflowRepairRules.Refused(error, "sự cố", "Quy trình không ở trạng thái cho phép thao tác này.");
        return (await queries.RowsAsync([done.Value!], ct))[0];
    }
}
