using System.Text.Json.Serialization;

namespace Engine.VersionMigration;

/// <summary>
/// One thing a migration changes on an instance. <paramref name="Id"/> is what changes: the token, work item or timer, the
/// branch activation, or for a created deadline timer the work item or activation it watches. <paramref name="From"/> and
/// <paramref name="To"/> are the values before and after (null for what is created or cancelled).
/// </summary>
public sealed record MigrationChange(MigrationChangeKind Kind, Guid Id, string? From, string? To)
{
    public override string ToString() => $"{Kind} {Id}: {From ?? "–"} → {To ?? "–"}";
}

/// <summary>What a <see cref="MigrationChange"/> changes; written as text in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MigrationChangeKind>))]
public enum MigrationChangeKind
{
    /// <summary>A token (a path waiting in the instance) moves to another step id.</summary>
    TokenStep,
    /// <summary>A branch scope of tokens names the split of the new version: <c>split/branch</c>.</summary>
    BranchScope,
    /// <summary>An open work item's step.</summary>
    WorkItemStep,
    /// <summary>An open work item's role (its queue).</summary>
    WorkItemRole,
    /// <summary>An open work item's title.</summary>
    WorkItemTitle,
    /// <summary>An open work item's budget as written on the step (its due time is kept).</summary>
    WorkItemBudget,
    /// <summary>A pending timer step's or handler call's step.</summary>
    TimerStep,
    /// <summary>A pending deadline rule of the old version, cancelled.</summary>
    DeadlineCancelled,
    /// <summary>A deadline rule of the new version, created for an open work item or a branch.</summary>
    DeadlineCreated,
}
