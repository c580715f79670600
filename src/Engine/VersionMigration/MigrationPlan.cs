using System.Text.Json.Serialization;
using Engine.Runtime;

namespace Engine.VersionMigration;

/// <summary>
/// The dry run of a migration: the mapping as it will be applied, every problem that stops it, and for each selected
/// instance what would change or why it cannot move. Making it writes nothing.
/// </summary>
/// <param name="StepMapping">Every step of the old version that has a step in the new one: the request's mapping, then same ids.</param>
/// <param name="Problems">Why the migration cannot run; it runs only when there are none.</param>
public sealed record MigrationPlan(
    string DefinitionId,
    int FromVersion,
    int ToVersion,
    IReadOnlyDictionary<string, string> StepMapping,
    IReadOnlyList<MigrationProblem> Problems,
    IReadOnlyList<InstanceMigrationPlan> Instances)
{
    /// <summary>Whether <see cref="InstanceMigration.MigrateAsync"/> would run: no problem at all.</summary>
    public bool CanMigrate => Problems.Count == 0;
}

/// <summary>One selected instance in a <see cref="MigrationPlan"/>: what would change, or the problems that keep it where it is.</summary>
public sealed record InstanceMigrationPlan(
    Guid InstanceId,
    string? BusinessKey,
    [property: JsonConverter(typeof(JsonStringEnumConverter<InstanceStatus>))] InstanceStatus Status,
    IReadOnlyList<MigrationChange> Changes,
    IReadOnlyList<MigrationProblem> Problems)
{
    /// <summary>Whether this instance fits the mapping; the migration runs only when every selected instance does.</summary>
    public bool CanMove => Problems.Count == 0;
}
