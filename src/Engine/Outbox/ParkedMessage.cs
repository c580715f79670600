namespace Engine.Outbox;

/// <summary>A message the dispatcher gave up on after its last attempt, as an operator sees it.</summary>
/// <param name="Payload">The row's JSON payload, as written.</param>
/// <param name="BusinessKey">The business key of the message's instance (a dossier's code), when it has one.</param>
public sealed record ParkedMessage(Guid Id, long Sequence, Guid? InstanceId, string Type, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset ParkedAt, string Payload, string? BusinessKey = null);

/// <summary>What an operator did with a parked message.</summary>
/// <param name="Resolution"><see cref="ParkedMessages.Replayed"/> or <see cref="ParkedMessages.Discarded"/>, also the kind of the history row written for its instance.</param>
public sealed record ParkedMessageResolution(Guid Id, string Type, Guid? InstanceId, string Resolution, string Actor, DateTimeOffset At);
