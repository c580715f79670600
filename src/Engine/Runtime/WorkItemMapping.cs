using Engine.Persistence;

namespace Engine.Runtime;

internal static class WorkItemMapping
{
    public static WorkItemInfo ToInfo(WorkItemRecord w) =>
        new(w.Id, w.InstanceId, w.StepId, w.Title, w.Role, w.UnitId, w.Assignee, w.Branch, w.CreatedAt, w.DueAt);
}
