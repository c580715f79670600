using System.Text.Json.Serialization;

namespace Engine.VersionMigration;

/// <summary>
/// What a migration did: how many instances moved, were refused or needed nothing, each with its line (in the order of
/// the plan), and how long it took, the validation included.
/// </summary>
public sealed record MigrationReport(
    string DefinitionId,
    int FromVersion,
    int ToVersion,
    int Moved,
    int Refused,
    int Unchanged,
    IReadOnlyList<MigratedInstance> Instances,
    TimeSpan Elapsed);

/// <summary>
/// One instance of a <see cref="MigrationReport"/>: the changes written when it moved, otherwise the reason it did not.
/// </summary>
public sealed record MigratedInstance(
    Guid InstanceId,
    string? BusinessKey,
    MigrationOutcome Outcome,
    IReadOnlyList<MigrationChange> Changes,
    string? Reason = null);

/// <summary>What became of one instance in a migration; written as text in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MigrationOutcome>))]
public enum MigrationOutcome
{
    /// <summary>Now on the new version, in one transaction with its history row.</summary>
    Moved,
    /// <summary>Left on the old version: it changed meanwhile so that it cannot move (ended, elsewhere), or the write failed.</summary>
    Refused,
    /// <summary>Already on the new version when its turn came (another migration moved it): nothing to do.</summary>
    Unchanged,
}
