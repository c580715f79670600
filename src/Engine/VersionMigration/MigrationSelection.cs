using Engine.Runtime;

namespace Engine.VersionMigration;

/// <summary>Which instances a request moves, and what in the request itself is missing.</summary>
internal static class MigrationSelection
{
    /// <summary>A migration is audited: it names the definition, who runs it and why.</summary>
    public static List<MigrationProblem> RequestProblems(MigrationRequest request)
    {
        var problems = new List<MigrationProblem>();
        if (string.IsNullOrWhiteSpace(request.DefinitionId)) problems.Add(new("definitionId", "Name the definition whose instances move."));
        if (string.IsNullOrWhiteSpace(request.Actor)) problems.Add(new("actor", "A migration is audited: name who runs it."));
        if (string.IsNullOrWhiteSpace(request.Reason)) problems.Add(new("reason", "A migration is audited: say why the instances move."));
        return problems;
    }

    /// <summary>Every running and suspended instance of the old version, or the given instances, each of which must be one.</summary>
    public static async Task<List<InstanceSnapshot>> SelectAsync(EngineTransaction tx, MigrationRequest request, List<MigrationProblem> problems,
        CancellationToken ct)
    {
        if (request.InstanceIds is not { Count: > 0 } ids)
            return await InstanceSnapshots.OfVersionAsync(tx, request.DefinitionId, request.FromVersion, ct);
        var found = (await InstanceSnapshots.ByIdAsync(tx, ids.Distinct().ToList(), ct)).ToDictionary(s => s.Instance.Id);
        var selected = new List<InstanceSnapshot>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!seen.Add(ids[i])) continue;
            if (!found.TryGetValue(ids[i], out var snapshot))
                problems.Add(new($"instanceIds[{i}]", $"No instance {ids[i]}."));
            else if (NotMovable(snapshot.Instance, request) is { } why)
                problems.Add(new($"instanceIds[{i}]", why, ids[i]));
            else selected.Add(snapshot);
        }
        return selected;
    }

    /// <summary>Why an instance is not one the request moves: another definition or version, or no longer running.</summary>
    public static string? NotMovable(InstanceStore.LoadedInstance instance, MigrationRequest request) =>
        instance.DefinitionId != request.DefinitionId ? $"The instance runs '{instance.DefinitionId}', not '{request.DefinitionId}'."
        : instance.Version != request.FromVersion ? $"The instance is on version {instance.Version}, not {request.FromVersion}."
        : instance.Status is not (InstanceStatus.Running or InstanceStatus.Suspended)
            ? $"The instance is {instance.Status.ToString().ToLowerInvariant()}: only running and suspended instances move."
        : null;
}
