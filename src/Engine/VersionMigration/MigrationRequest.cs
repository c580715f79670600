namespace Engine.VersionMigration;

/// <summary>
/// Move running instances of a definition from version <paramref name="FromVersion"/> to <paramref name="ToVersion"/>.
/// </summary>
/// <param name="DefinitionId">The definition's slug; both versions must be published versions of it.</param>
/// <param name="FromVersion">The version the instances are on now (N).</param>
/// <param name="ToVersion">The version they move to (M).</param>
/// <param name="StepMapping">
/// Step of N → step of M, for steps renamed or replaced. A step of N left out maps to the step of M with the same id, when
/// M has one.
/// </param>
/// <param name="InstanceIds">
/// The instances to move, each on version N and running or suspended; null or empty: every running and suspended
/// instance of N.
/// </param>
/// <param name="Actor">Who migrates, for the history row of each instance.</param>
/// <param name="Reason">Why, written as the comment of each instance's history row.</param>
public sealed record MigrationRequest(
    string DefinitionId,
    int FromVersion,
    int ToVersion,
    IReadOnlyDictionary<string, string>? StepMapping,
    IReadOnlyList<Guid>? InstanceIds,
    string Actor,
    string Reason);
