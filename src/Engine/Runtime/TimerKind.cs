namespace Engine.Runtime;

/// <summary>What a row of <c>engine.timers</c> waits for (its <c>kind</c> column).</summary>
public enum TimerKind
{
    /// <summary>A timer step's wait: when due, the token moves on to the step's <c>next</c>.</summary>
    Step,
    /// <summary>A deadline rule of a work item (<c>onOverdue</c> of a human step): remind, escalate or move.</summary>
    Deadline,
    /// <summary>A deadline rule of a split branch: applies to every open work item of the branch.</summary>
    BranchDeadline,
    /// <summary>A handler call: due at once, run after the transition that scheduled it committed.</summary>
    Handler,
}
