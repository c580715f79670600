using Engine.Runtime;
using MassTransit;
using Microsoft.Extensions.Logging;
using Procedures.Calendar;
using Procedures.Persistence;
using Worker.Notifications;

namespace Worker.Messaging;

/// <summary>
/// Moves the engine's open due dates (work items, branch due times, timer waits, deadline rules) after a calendar
/// change, on the calendar as it is now: reloaded here first, since this process may not have had the notification yet.
/// The processed-message claim stays uncommitted while the engine works, so a copy delivered meanwhile waits for it and
/// then finds the message taken, and a crash part-way leaves the message unclaimed for the redelivery (the engine's
/// recomputation is idempotent). Dossiers' appointment dates do not move: the receipt is a promise to the citizen.
/// </summary>
public sealed class RecomputeDueDates(NotificationsDb claims, ProceduresDb db, CalendarProvider calendar, WorkflowRuntime engine,
    TimeProvider clock, ILogger<RecomputeDueDates> logger) : IConsumer<CalendarChanged>
{
    public const string ConsumerName = "calendar.recompute-due-dates";

    public Task Consume(ConsumeContext<CalendarChanged> context) =>
        HandleAsync(context.Message, context.MessageId ?? throw new InvalidOperationException("A calendar change arrived without a message id."),
            context.CancellationToken);

    /// <summary>Recomputes once per <paramref name="messageId"/>; returns null when that message was handled before.</summary>
    public async Task<RecomputeReport?> HandleAsync(CalendarChanged change, Guid messageId, CancellationToken ct)
    {
        await using var tx = await claims.Database.BeginTransactionAsync(ct);
        if (!await ProcessedMessages.ClaimAsync(claims, ConsumerName, messageId, clock, ct)) return null;
        await calendar.ReloadAsync(db, ct);
        var report = await engine.RecomputeDueDatesAsync(new CalendarChange(change.From, change.To, change.UnitId?.ToString(), change.Reason), ct);
        if (report.Failed > 0)
            logger.LogWarning("Calendar change {Reason}: due dates of {Failed} of {Instances} instances could not be recomputed (logged above); {Changed} changed",
                change.Reason, report.Failed, report.Instances, report.Changed);
        else
            logger.LogInformation("Calendar change {Reason}: {Changed} of {Instances} instances changed, {WorkItems} work items and {Timers} timers moved",
                change.Reason, report.Changed, report.Instances, report.WorkItemsMoved, report.TimersMoved);
        await tx.CommitAsync(ct);
        return report;
    }
}

/// <summary>One recomputation at a time per process: each walks many instances, and two at once would only contend.</summary>
public sealed class RecomputeDueDatesDefinition : ConsumerDefinition<RecomputeDueDates>
{
    public RecomputeDueDatesDefinition() => ConcurrentMessageLimit = 1;
}
