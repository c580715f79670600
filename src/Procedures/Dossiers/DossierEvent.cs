namespace Procedures.Dossiers;

/// <summary>Whether a hand-off happened before, at, or after its due time (Form 05).</summary>
public enum Timeliness { Early, OnTime, Late }

/// <summary>
/// The dossier's own history: one row per use case (received, assigned, sent back, ...), with names as
/// they were at the time, so the process-control sheet (Form 05) and the audit read it directly.
/// </summary>
public sealed class DossierEvent
{
    public long Id { get; set; }
    public Guid DossierId { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>Use case name, e.g. <c>Received</c>, <c>Assigned</c>, <c>SentBack</c>.</summary>
    public string Kind { get; set; } = "";
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    public Guid? ActorUnitId { get; set; }
    /// <summary>Receiver of a hand-off (official user name), when there is one.</summary>
    public string? Receiver { get; set; }
    public string? ReceiverName { get; set; }
    public string? Step { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public Timeliness? Timeliness { get; set; }
    /// <summary>Extra facts as JSON (missing items, new appointment, attachment hashes, ...).</summary>
    public string? Data { get; set; }
}

/// <summary>Per-unit, per-day counter behind dossier codes: gap-free because it is taken inside the receiving transaction.</summary>
public sealed class DossierCodeSequence
{
    public string UnitCode { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>A consultation of another unit (liên thông), with its own deadline.</summary>
public sealed class Consultation
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    public Guid ConsultedUnitId { get; set; }
    public string Subject { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public string? RepliedBy { get; set; }
    public string? Reply { get; set; }
    public Guid? WorkItemId { get; set; }
}
