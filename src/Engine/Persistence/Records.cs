namespace Engine.Persistence;

/// <summary>A stored definition version. Published versions are immutable; a draft is version N+1.</summary>
internal sealed class DefinitionRecord
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    /// <summary>Set on the latest published version when the definition is retired: no new starts.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    /// <summary>The definition body as JSON (jsonb).</summary>
    public string Body { get; set; } = "{}";
    /// <summary>The source YAML as written, kept for display and diff.</summary>
    public string? SourceYaml { get; set; }
    public string ContentHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
}

internal sealed class InstanceRecord
{
    public Guid Id { get; set; }
    public Guid DefinitionRecordId { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public string Status { get; set; } = "";
    public string? Outcome { get; set; }
    /// <summary>Variables as a JSON object (jsonb).</summary>
    public string Variables { get; set; } = "{}";
    /// <summary>Execution tokens as a JSON array (jsonb): where the instance is waiting.</summary>
    public string Tokens { get; set; } = "[]";
    public int Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

internal sealed class WorkItemRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public string DefinitionId { get; set; } = "";
    public string? BusinessKey { get; set; }
    public string StepId { get; set; } = "";
    public string? Title { get; set; }
    public string? Branch { get; set; }
    public string Role { get; set; } = "";
    public string? UnitId { get; set; }
    public string? Assignee { get; set; }
    public string? ClaimedBy { get; set; }
    public string Status { get; set; } = "";
    public string? Budget { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Action { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// Work the engine does later, on its own: a timer step's wait, a deadline rule of a work item or a branch, or a
/// handler call after the transition that reached it committed. Claimed by pollers; failures are retried with backoff
/// (<see cref="NextAttemptAt"/>) and end as an incident.
/// </summary>
internal sealed class TimerRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid TokenId { get; set; }
    public string StepId { get; set; } = "";
    /// <summary>Step, Deadline, BranchDeadline or Handler (<c>Engine.Runtime.TimerKind</c>).</summary>
    public string Kind { get; set; } = "Step";
    /// <summary>The work item a deadline rule watches.</summary>
    public Guid? WorkItemId { get; set; }
    /// <summary>What the timer needs when it fires (jsonb): the deadline rule, the branch it watches.</summary>
    public string? Data { get; set; }
    public DateTimeOffset DueAt { get; set; }
    /// <summary>When a poller may take it: the due time, later after a failed attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>A handler call in progress holds the timer until then; after it, another poller may take it over.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    public string Status { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
}

/// <summary>
/// Something the engine could not do on its own after its retries: a timer, deadline or handler that kept failing.
/// The instance waits at that step while every other instance goes on; an administrator retries or resolves it.
/// </summary>
internal sealed class IncidentRecord
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string? BusinessKey { get; set; }
    public string StepId { get; set; } = "";
    /// <summary>The unit the step belongs to, or else the unit of the instance's latest work item.</summary>
    public string? UnitId { get; set; }
    /// <summary>The kind of the timer that failed (Step, Deadline, BranchDeadline, Handler).</summary>
    public string Kind { get; set; } = "";
    public Guid? TimerId { get; set; }
    public string Error { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>Retrying (failed, retries left), Open (retries exhausted: needs an operator) or Resolved.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}

/// <summary>Append-only record of everything that happened to an instance.</summary>
internal sealed class HistoryRecord
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public string? Actor { get; set; }
    public string? FromStep { get; set; }
    public string? ToStep { get; set; }
    public string? Action { get; set; }
    public string? Comment { get; set; }
    public Guid? WorkItemId { get; set; }
    /// <summary>Extra facts as a JSON object (jsonb): data submitted, assignee, branch, outcome.</summary>
    public string? Data { get; set; }
}

/// <summary>A message written with the state change that caused it; published later by the dispatcher.</summary>
internal sealed class OutboxRecord
{
    public Guid Id { get; set; }
    public long Sequence { get; set; }
    public Guid? InstanceId { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Not before then after a failed attempt (backoff with jitter); null means at once.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>A dispatcher publishing the row holds it until then; after it, another may take it over.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    /// <summary>Dead-lettered after its last attempt: waits for an operator to replay or discard it.</summary>
    public DateTimeOffset? ParkedAt { get; set; }
    public DateTimeOffset? DiscardedAt { get; set; }
    public string? DiscardedBy { get; set; }
}

/// <summary>A message a consumer has handled; the primary key makes handling idempotent.</summary>
internal sealed class ProcessedMessageRecord
{
    public string Consumer { get; set; } = "";
    public Guid MessageId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
