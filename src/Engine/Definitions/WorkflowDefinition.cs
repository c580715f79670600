using System.Text.Json.Serialization;

namespace Engine.Definitions;

/// <summary>
/// The body of a versioned workflow definition: what is written in a YAML file under <c>workflows/</c>
/// and stored as <c>jsonb</c>. Identity (<see cref="Id"/>, <see cref="Version"/>) travels with the body so a
/// file is self-describing.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Stable slug, e.g. <c>birth-registration</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Version number; 1 for the first published version.</summary>
    public int Version { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Declared legal time limit; the longest path's budget sum must not exceed it.</summary>
    public WorkingTime? LegalLimit { get; set; }

    /// <summary>Id of the first step; the first step in <see cref="Steps"/> when omitted.</summary>
    public string? Start { get; set; }

    public List<InputDefinition> Inputs { get; set; } = [];

    public List<StepDefinition> Steps { get; set; } = [];

    /// <summary>
    /// Where a designer drew each step, by step id. Presentation only: the runtime, the validator's rules and
    /// <see cref="DefinitionDiff"/> ignore it; a definition without it is laid out automatically.
    /// </summary>
    public Dictionary<string, StepPosition> Layout { get; set; } = [];

    [JsonIgnore]
    public string? StartStepId => Start ?? Steps.FirstOrDefault()?.Id;

    public StepDefinition? FindStep(string id) => Steps.Find(s => s.Id == id);
}

/// <summary>A step's place on the designer's canvas, in CSS pixels at 100 % from the top left corner.</summary>
public sealed class StepPosition
{
    public double X { get; set; }
    public double Y { get; set; }
}

/// <summary>An input variable the instance expects when it starts.</summary>
public sealed class InputDefinition
{
    public string Name { get; set; } = "";
    public FieldType Type { get; set; } = FieldType.Text;
    public bool Required { get; set; }
    public string? Title { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<StepKind>))]
public enum StepKind
{
    /// <summary>A person does something: work item with role, unit, assignee, budget, form and actions.</summary>
    Human,
    /// <summary>Runs at once: sets variables, emits a message and/or calls a registered handler.</summary>
    Automatic,
    /// <summary>Waits for a working-time duration or until the instant held in a variable.</summary>
    Timer,
    /// <summary>Starts every branch in parallel; the matching <see cref="Join"/> waits for all of them.</summary>
    Split,
    /// <summary>Waits until every branch of its split has arrived, then continues to <c>next</c>.</summary>
    Join,
    /// <summary>Finishes the instance with an outcome.</summary>
    End,
}

[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType { Text, Textarea, Number, Date, DateTime, Boolean, Select, File, User, Unit, List }

/// <summary>
/// One step. A single shape for every kind keeps the YAML flat and every property path stable for
/// validation messages; which properties apply depends on <see cref="Kind"/>.
/// </summary>
public sealed class StepDefinition
{
    public string Id { get; set; } = "";
    public StepKind Kind { get; set; }
    public string? Title { get; set; }

    // human
    /// <summary>Role that works on this step (human).</summary>
    public string? Role { get; set; }
    /// <summary>
    /// Unit expression: a literal unit id or <c>$variable</c>. On a human step, the unit that does the work; on a timer
    /// step, the unit whose office hours count the duration.
    /// </summary>
    public string? Unit { get; set; }
    /// <summary>Assignee expression: a literal user id or <c>$variable</c> (human).</summary>
    public string? Assignee { get; set; }
    /// <summary>Time budget in working days or hours (human, and each split branch).</summary>
    public WorkingTime? Budget { get; set; }
    public List<FormField> Form { get; set; } = [];
    public List<ActionDefinition> Actions { get; set; } = [];
    /// <summary>What happens when the work item passes its due time (human): remind, escalate or move on.</summary>
    public List<DeadlineRule> OnOverdue { get; set; } = [];

    // automatic
    /// <summary>Variables to set: value is a literal, or an expression when it starts with <c>=</c>.</summary>
    public Dictionary<string, object?> Set { get; set; } = [];
    public EmitDefinition? Emit { get; set; }
    /// <summary>Name of a handler registered in code. It runs after the transition commits, outside any transaction.</summary>
    public string? Handler { get; set; }
    /// <summary>Variables the handler sets; expressions further on may read them.</summary>
    public List<string> Outputs { get; set; } = [];

    // timer
    /// <summary>Working-time duration to wait (timer).</summary>
    public WorkingTime? Duration { get; set; }
    /// <summary>Variable holding the instant to wait until (timer).</summary>
    public string? Until { get; set; }

    // split
    public List<BranchDefinition> Branches { get; set; } = [];
    /// <summary>Id of the join step that closes this split.</summary>
    public string? Join { get; set; }

    // automatic, timer, join
    public string? Next { get; set; }

    // end
    public string? Outcome { get; set; }
}

/// <summary>A named action on a human step: the transition it takes.</summary>
public sealed class ActionDefinition
{
    /// <summary>Name, e.g. <c>approve</c>, <c>send-back</c>.</summary>
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    /// <summary>Target step id.</summary>
    public string To { get; set; } = "";
    /// <summary>Boolean expression over variables; the action is available only when it holds.</summary>
    public string? Guard { get; set; }
    /// <summary>A comment (reason) is mandatory for this action, e.g. send back or refuse.</summary>
    public bool CommentRequired { get; set; }
    /// <summary>Form fields that must have a value when this action is taken.</summary>
    public List<string> Requires { get; set; } = [];
}

public sealed class FormField
{
    public string Name { get; set; } = "";
    public string? Label { get; set; }
    public FieldType Type { get; set; } = FieldType.Text;
    public bool Required { get; set; }
    public List<string> Options { get; set; } = [];
}

/// <summary>A message emitted by an automatic step; written to the outbox with the transition.</summary>
public sealed class EmitDefinition
{
    /// <summary>Message type name, e.g. <c>consultation-requested</c>.</summary>
    public string Type { get; set; } = "";
    /// <summary>Payload values: literal, or <c>$variable</c>.</summary>
    public Dictionary<string, object?> Data { get; set; } = [];
}

/// <summary>One branch of a parallel split.</summary>
public sealed class BranchDefinition
{
    public string Name { get; set; } = "";
    /// <summary>First step of the branch.</summary>
    public string Start { get; set; } = "";
    /// <summary>Budget of the branch as a whole (e.g. a consulted agency's deadline).</summary>
    public WorkingTime? Budget { get; set; }
    /// <summary>Unit expression whose office hours count the branch budget; the default calendar when absent.</summary>
    public string? Unit { get; set; }
    /// <summary>What happens when the branch passes its due time.</summary>
    public List<DeadlineRule> OnOverdue { get; set; } = [];
}

[JsonConverter(typeof(JsonStringEnumConverter<DeadlineAction>))]
public enum DeadlineAction
{
    /// <summary>Records the missed deadline and emits <c>engine.deadline-passed</c>; the work stays where it is.</summary>
    Remind,
    /// <summary>As remind, and hands the open work to <see cref="DeadlineRule.Role"/> (and <see cref="DeadlineRule.Unit"/>), unassigned.</summary>
    Escalate,
    /// <summary>Cancels the open work and moves on to <see cref="DeadlineRule.To"/>.</summary>
    Move,
}

/// <summary>
/// A boundary timer on a human step or a split branch: <see cref="After"/> the due time has passed (working time,
/// zero by default), do <see cref="Do"/>. Rules of one step fire in order of their <see cref="After"/>.
/// </summary>
public sealed class DeadlineRule
{
    public WorkingTime? After { get; set; }
    public DeadlineAction Do { get; set; }
    /// <summary>Target step of <see cref="DeadlineAction.Move"/>.</summary>
    public string? To { get; set; }
    /// <summary>Role that receives the work on <see cref="DeadlineAction.Escalate"/>.</summary>
    public string? Role { get; set; }
    /// <summary>Unit expression that receives the work on <see cref="DeadlineAction.Escalate"/>; the same unit when absent.</summary>
    public string? Unit { get; set; }
}
