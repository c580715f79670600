namespace Engine.Runtime;

/// <summary>
/// Where an instance is: one token per concurrent path. A token inside a parallel split carries the
/// split activation it belongs to (a stack, so splits can nest), and its branch's due time.
/// </summary>
public sealed record Token(Guid Id, string StepId, TokenState State, IReadOnlyList<BranchScope> Scopes)
{
    public BranchScope? Scope => Scopes.Count > 0 ? Scopes[^1] : null;

    /// <summary>The earliest due time of the branches the token is in: no step inside a branch is due after it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? BranchDueAt => Scopes.Where(s => s.DueAt is not null).Select(s => s.DueAt).Min();

    /// <summary>Whether the token is inside <paramref name="branch"/> of the split activation, at any depth.</summary>
    public bool IsIn(Guid activation, string branch) => Scopes.Any(s => s.Is(activation, branch));
}

public enum TokenState
{
    /// <summary>Waiting on a work item or a timer at <see cref="Token.StepId"/>.</summary>
    Waiting,
    /// <summary>Arrived at a join, waiting for the other branches.</summary>
    AtJoin,
}

/// <summary>
/// One activation of a split: which split, which branch, when the branch started (to recompute its due time when the
/// calendar changes; absent on tokens written before it was kept) and when it is due.
/// </summary>
public sealed record BranchScope(Guid Activation, string SplitStepId, string JoinStepId, string Branch, DateTimeOffset? DueAt,
    DateTimeOffset? StartedAt = null)
{
    public bool Is(Guid activation, string branch) => Activation == activation && Branch == branch;
}

/// <summary>
/// The tokens column read and written on every transition, without reflection: the same JSON as <see cref="JsonDefaults.Options"/> writes.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<Token>))]
internal sealed partial class TokenJson : System.Text.Json.Serialization.JsonSerializerContext;
