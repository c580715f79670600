using Procedures.Organisation;

namespace Procedures.Dossiers;

/// <summary>Who may take a work item: the step's workflow role in the step's unit.</summary>
public static class StepRoles
{
    /// <summary>The officer of a consulted agency answering a liên thông step.</summary>
    public const string ConsultedOfficer = "consulted-officer";

    /// <summary>
    /// <c>consulted-officer</c> is not an organisation role: in the consulted unit, whoever may appraise or decide
    /// there (specialist, section head, leader or deputy) answers for it. Every other role is matched by name.
    /// </summary>
    public static bool Holds(this Actor actor, string workflowRole, Guid? unitId) =>
        unitId is { } unit && (workflowRole == ConsultedOfficer
            ? actor.HasRole(Role.Specialist, unit) || actor.HasRole(Role.SectionHead, unit) || actor.HasRole(Role.UnitLeader, unit)
            : actor.HasWorkflowRole(workflowRole, unit));
}
