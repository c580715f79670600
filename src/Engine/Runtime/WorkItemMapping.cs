using Engine.Persistence;

namespace Engine.Runtime;

internal static class WorkItemMapping
{
    public static WorkItemInfo ToInfo(WorkItemRecord w) =>
        new(w.Id, w.InstanceId, w.StepId, w.Title, w.Role, w.UnitId, w.Assignee, w.Branch, w.CreatedAt, w.DueAt);

    /// <summary>A work item just inserted, as a read of it would return it: times at the database's precision (microseconds).</summary>
    public static Queries.WorkItemView ToView(WorkItemRecord w) =>
        new(w.Id, w.InstanceId, w.DefinitionId, w.BusinessKey, w.StepId, w.Title, w.Role, w.UnitId, w.Assignee, w.ClaimedBy, w.Branch,
            Stored(w.CreatedAt), w.DueAt is { } due ? Stored(due) : null, Revision: 1) { TokenId = w.TokenId };

    private static DateTimeOffset Stored(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>Work items just inserted in the order <see cref="Queries.InstanceReads.OpenWorkItemsSql"/> reads them (created, then id as PostgreSQL orders uuids).</summary>
    public static List<Queries.WorkItemView> ToViews(IReadOnlyList<WorkItemRecord> opened)
    {
        var views = opened.Select(ToView).ToList();
        if (views.Count > 1)
            views.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt)
                : string.CompareOrdinal(a.Id.ToString("N"), b.Id.ToString("N")));
        return views;
    }
}
