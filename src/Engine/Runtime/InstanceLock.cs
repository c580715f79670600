using Npgsql;

namespace Engine.Runtime;

/// <summary>
/// An instance and its open work items, locked by statements the caller puts in a batch of its own (<see cref="Sql"/>), in the
/// transaction it then passes to the engine: the caller's first round trip takes the locks the engine's next completion would
/// otherwise take with a read of its own (<see cref="CompleteWorkItem.Locked"/>). The instance row is locked first, then its open
/// work items, as every engine operation locks them. Valid for the caller's next engine operation on the instance in that
/// transaction only: anything the transaction changes of the instance afterwards makes it stale.
/// </summary>
public sealed class InstanceLock
{
    private readonly InstanceStore.LoadedInstance _instance;
    private readonly List<InstanceStore.LoadedWorkItem> _workItems;

    private InstanceLock(InstanceStore.LoadedInstance instance, List<InstanceStore.LoadedWorkItem> workItems) =>
        (_instance, _workItems) = (instance, workItems);

    /// <summary>
    /// The two statements that lock the instance <paramref name="instanceId"/> (an SQL expression of the caller's parameters) and
    /// its open work items; <see cref="ReadAsync"/> reads their results.
    /// </summary>
    public static (string Instance, string WorkItems) Sql(string instanceId) => (
        $"SELECT {InstanceStore.InstanceColumns} FROM engine.instances i WHERE i.id = ({instanceId}) FOR UPDATE",
        $"SELECT w.id, {WorkItemColumns} FROM engine.work_items w WHERE w.instance_id = ({instanceId}) AND w.status = 'Open' ORDER BY w.id FOR NO KEY UPDATE");

    private const string WorkItemColumns = "w.status, w.step_id, w.token_id, w.assignee, w.claimed_by, w.due_at, w.unit_id, w.revision";

    /// <summary>Reads the results of <see cref="Sql"/>, the reader at the first; null when there is no such instance.</summary>
    public static async Task<InstanceLock?> ReadAsync(NpgsqlDataReader r, CancellationToken ct)
    {
        var instance = await r.ReadAsync(ct) ? InstanceStore.ReadInstance(r) : null;
        await r.NextResultAsync(ct);
        var workItems = new List<InstanceStore.LoadedWorkItem>();
        while (await r.ReadAsync(ct)) workItems.Add(InstanceStore.ReadWorkItem(r, r.GetGuid(0), at: 1));
        return instance is null ? null : new InstanceLock(instance, workItems);
    }

    /// <summary>The locked instance and open work item <paramref name="workItemId"/>; null when it is not one of them.</summary>
    internal (InstanceStore.LoadedInstance, InstanceStore.LoadedWorkItem)? Find(Guid workItemId) =>
        _workItems.Find(w => w.Id == workItemId) is { } item ? (_instance, item) : null;
}
