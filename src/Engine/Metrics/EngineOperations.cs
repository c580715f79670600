namespace Engine.Metrics;

/// <summary>The <c>operation</c> tag of <c>engine.transitions</c>: what kind of engine operation committed.</summary>
public static class EngineOperations
{
    public const string Start = "start";
    public const string Complete = "complete";
    /// <summary>A timer step's wait ended.</summary>
    public const string Timer = "timer";
    /// <summary>A deadline rule of a step or branch fired.</summary>
    public const string Deadline = "deadline";
    /// <summary>A handler's result was applied.</summary>
    public const string Handler = "handler";
    /// <summary>An operator's repair: move a path, cancel or reopen a work item, retry a timer.</summary>
    public const string Repair = "repair";
    /// <summary>Claim, release or reassign a work item.</summary>
    public const string WorkItem = "work-item";
    /// <summary>Suspend, resume or cancel an instance.</summary>
    public const string Instance = "instance";
    /// <summary>Retry or resolve an incident.</summary>
    public const string Incident = "incident";
    /// <summary>Due dates recomputed after a calendar change.</summary>
    public const string Recompute = "recompute";
}
