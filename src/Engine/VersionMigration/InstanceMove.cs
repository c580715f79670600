using Engine.Persistence;
using Engine.Runtime;

namespace Engine.VersionMigration;

/// <summary>What moving one instance writes, computed in memory from its snapshot; <see cref="Changes"/> says it in words.</summary>
internal sealed class InstanceMove
{
    /// <summary>The instance's tokens with step, split and join ids of the new version.</summary>
    public List<Token> Tokens { get; } = [];
    public List<WorkItemUpdate> WorkItems { get; } = [];
    /// <summary>Pending timer steps and handler calls whose step id changes.</summary>
    public List<(Guid Id, string StepId)> TimerSteps { get; } = [];
    /// <summary>Pending deadline rules of the old version.</summary>
    public List<Guid> CancelledTimers { get; } = [];
    /// <summary>Deadline rules of the new version.</summary>
    public List<TimerRecord> NewTimers { get; } = [];
    public List<MigrationChange> Changes { get; } = [];
    /// <summary>The pairs of the mapping this instance used: step of the old version → step of the new one.</summary>
    public SortedDictionary<string, string> Mapping { get; } = new(StringComparer.Ordinal);
}

/// <summary>An open work item as it reads on the new step; unit, assignee, claim and times stay as they are.</summary>
internal sealed record WorkItemUpdate(Guid Id, string StepId, string? Title, string Role, string? Budget);
