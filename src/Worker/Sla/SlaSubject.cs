namespace Worker.Sla;

/// <summary>Something with a due time the sweep watches: an open work item, or an open dossier (due at its appointment).</summary>
public sealed record SlaSubject(
    Guid Id,
    string Kind,
    string Title,
    string? Reference,
    Guid? DossierId,
    string? UnitId,
    string? Role,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset DueAt,
    IReadOnlySet<string> Raised,
    bool ApologyIssued = false)
{
    public const string WorkItem = "work-item";
    public const string Dossier = "dossier";
}
