using System.Collections.Frozen;
using Procedures.Organisation;

namespace Procedures.Dossiers;

/// <summary>Who may take a work item: the step's workflow role in the step's unit.</summary>
public static class StepRoles
{
    /// <summary>The officer of a consulted agency answering a liên thông step.</summary>
    public const string ConsultedOfficer = "consulted-officer";

    /// <summary>
    /// Every role a workflow step may name (workflows/README.md); the engine refuses a definition naming another, so a
    /// misspelt role cannot open work items nobody sees. Deputies sign as <c>unit-leader</c>; administrators never work
    /// on steps.
    /// </summary>
    public static readonly IReadOnlySet<string> All =
        new[] { Role.Clerk, Role.Specialist, Role.SectionHead, Role.UnitLeader, Role.ConsultedOfficer }
            .Select(r => r.ToWorkflowRole()).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// <c>consulted-officer</c>: in the consulted unit, an official holding that role answers, and so may whoever
    /// appraises or decides there (specialist, section head, leader or deputy). Every other role is matched by name.
    /// </summary>
    public static bool Holds(this Actor actor, string workflowRole, Guid? unitId) =>
        unitId is { } unit && (workflowRole == ConsultedOfficer
            ? actor.HasRole(Role.ConsultedOfficer, unit) || actor.HasRole(Role.Specialist, unit)
              || actor.HasRole(Role.SectionHead, unit) || actor.HasRole(Role.UnitLeader, unit)
            : actor.HasWorkflowRole(workflowRole, unit));
}
