namespace Engine.Runtime;

/// <summary>
/// Where an instance is: one token per concurrent path. A token inside a parallel split carries the
/// split activation it belongs to (a stack, so splits can nest), and its branch's due time.
/// </summary>
public sealed record Token(Guid Id, string StepId, TokenState State, IReadOnlyList<BranchScope> Scopes)
{
    public BranchScope? Scope => Scopes.Count > 0 ? Scopes[^1] : null;
}

public enum TokenState
{
    /// <summary>Waiting on a work item or a timer at <see cref="Token.StepId"/>.</summary>
    Waiting,
    /// <summary>Arrived at a join, waiting for the other branches.</summary>
    AtJoin,
}

/// <summary>One activation of a split: which split, which branch, and when the branch is due.</summary>
public sealed record BranchScope(Guid Activation, string SplitStepId, string JoinStepId, string Branch, DateTimeOffset? DueAt);
