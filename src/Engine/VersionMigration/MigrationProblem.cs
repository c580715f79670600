namespace Engine.VersionMigration;

/// <summary>
/// Why a migration cannot run, named by a path an operator can act on: <c>toVersion</c>, <c>mapping.review</c> (a key of
/// the step mapping), <c>steps[assign]</c> (a step of the old version where an instance waits),
/// <c>steps[consult].branches[tax]</c>, <c>instanceIds[2]</c>. <paramref name="InstanceId"/> names the instance whose
/// position the problem is about, when it is about one.
/// </summary>
public sealed record MigrationProblem(string Path, string Message, Guid? InstanceId = null)
{
    public override string ToString() => InstanceId is { } id ? $"{Path}: {Message} (instance {id})" : $"{Path}: {Message}";
}
