using Engine.Definitions;

namespace Engine.VersionMigration;

/// <summary>
/// Where each step of the old version goes in the new one: the request's mapping first, then the step with the same id.
/// A mapping key that is not a step of the old version, a value that is not a step of the new one, or a pair of steps of
/// different kinds is a problem whether or not an instance waits there: the mapping as written is wrong.
/// </summary>
internal sealed class StepMap
{
    private readonly WorkflowDefinition _to;
    private readonly Dictionary<string, string> _explicit = new(StringComparer.Ordinal);

    public StepMap(WorkflowDefinition from, WorkflowDefinition to, IReadOnlyDictionary<string, string>? mapping, List<MigrationProblem> problems)
    {
        _to = to;
        foreach (var (key, value) in mapping ?? new Dictionary<string, string>())
        {
            var path = $"mapping.{key}";
            var before = from.FindStep(key);
            var after = to.FindStep(value);
            if (before is null) problems.Add(new(path, $"'{key}' is not a step of version {from.Version}."));
            if (after is null) problems.Add(new(path, $"'{value}' is not a step of version {to.Version}."));
            if (before is not null && after is not null && before.Kind != after.Kind)
                problems.Add(new(path, $"{Kind(before)} step '{key}' cannot become {Kind(after)} step '{value}'."));
            _explicit[key] = value;
        }
        Applied = from.Steps.Where(s => Map(s.Id) is not null).ToDictionary(s => s.Id, s => Map(s.Id)!, StringComparer.Ordinal);
    }

    /// <summary>Every step of the old version that has a step in the new one, and which.</summary>
    public IReadOnlyDictionary<string, string> Applied { get; }

    /// <summary>The step id in the new version, or null when it has none.</summary>
    public string? Map(string stepId) =>
        _explicit.TryGetValue(stepId, out var mapped) ? (_to.FindStep(mapped) is null ? null : mapped) : _to.FindStep(stepId)?.Id;

    /// <summary>The new version's step for a step of the old one.</summary>
    public StepDefinition? Target(string stepId) => Map(stepId) is { } id ? _to.FindStep(id) : null;

    /// <summary>How a step was mapped, for messages: by the request's mapping or by its id.</summary>
    public string How(string stepId) => _explicit.ContainsKey(stepId) ? $"by mapping.{stepId}" : "by the same id";

    public static string Kind(StepDefinition step) => StepRules.Kind(step.Kind);
}
