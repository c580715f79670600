using MassTransit;
using Procedures.Dossiers;

namespace Worker.Messaging;

/// <summary>
/// Tells the citizen about their dossier: each dossier record from the outbox becomes a <see cref="CitizenNotice"/>
/// (<see cref="DossierNotices"/>) queued on the citizen's channels in the same step (<see cref="QueueCitizenNotice"/>),
/// deduplicated by the record's message id. A withdrawal is the citizen's own act and is not answered.
/// </summary>
public sealed class NotifyCitizen(DossierNotices notices, QueueCitizenNotice queue) :
    IConsumer<DossierReceived>, IConsumer<SupplementRequested>, IConsumer<SupplementDueSoon>, IConsumer<DossierRefused>,
    IConsumer<DossierClosedUnsupplied>, IConsumer<ApologyIssued>, IConsumer<ResultReady>, IConsumer<DossierReturned>
{
    public Task Consume(ConsumeContext<DossierReceived> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);
    public Task Consume(ConsumeContext<SupplementRequested> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);
    public Task Consume(ConsumeContext<SupplementDueSoon> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);
    public Task Consume(ConsumeContext<DossierRefused> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);
    public Task Consume(ConsumeContext<DossierClosedUnsupplied> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);
    public Task Consume(ConsumeContext<ApologyIssued> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);
    public Task Consume(ConsumeContext<ResultReady> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);
    public Task Consume(ConsumeContext<DossierReturned> c) => HandleAsync(c.Message, Id(c), c.CancellationToken);

    /// <summary>Builds the notice for <paramref name="record"/> and queues it; the same <paramref name="messageId"/> twice sends once.</summary>
    public async Task HandleAsync(object record, Guid messageId, CancellationToken ct)
    {
        var building = record switch
        {
            DossierReceived m => notices.ReceivedAsync(messageId, m, ct),
            SupplementRequested m => notices.SupplementRequestedAsync(messageId, m, ct),
            SupplementDueSoon m => notices.SupplementReminderAsync(messageId, m, ct),
            DossierRefused m => notices.RefusedAsync(messageId, m, ct),
            DossierClosedUnsupplied m => notices.ClosedUnsuppliedAsync(messageId, m, ct),
            ApologyIssued m => notices.ApologyAsync(messageId, m, ct),
            ResultReady m => notices.ResultReadyAsync(messageId, m, ct),
            DossierReturned m => notices.RatingRequestAsync(messageId, m, ct),
            _ => Task.FromResult<CitizenNotice?>(null),
        };
        if (await building is { } notice) await queue.HandleAsync(notice, ct);
    }

    /// <summary>The outbox row id the dispatcher published the record under.</summary>
    private static Guid Id(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("A dossier record arrived without a message id; it cannot be deduplicated.");

    /// <summary>The dossier record types, mapped in the engine's outbox under the names the use cases write them with.</summary>
    public static readonly Type[] Records =
        [typeof(DossierReceived), typeof(SupplementRequested), typeof(SupplementDueSoon), typeof(DossierRefused), typeof(DossierClosedUnsupplied), typeof(ApologyIssued),
            typeof(ResultReady), typeof(DossierReturned), typeof(DossierWithdrawn)];
}

/// <summary>Same concurrency as <see cref="QueueCitizenNoticeDefinition"/>: the work is the same.</summary>
public sealed class NotifyCitizenDefinition : ConsumerDefinition<NotifyCitizen>
{
    public NotifyCitizenDefinition()
    {
        ConcurrentMessageLimit = 16;
        Endpoint(e => e.PrefetchCount = 32);
    }
}
