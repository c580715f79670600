using Engine.Queries;
using Engine.Runtime;
using Npgsql;

namespace Procedures.Dossiers;

/// <summary>An open work item of the dossier's workflow instance as a use case sees it.</summary>
public sealed record DossierWorkItem(
    Guid Id, string StepId, string? Title, string Role, string? UnitId, string? Assignee, string? ClaimedBy,
    string? Branch, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool IsOpen)
{
    public Guid? Unit => Guid.TryParse(UnitId, out var id) ? id : null;

    /// <summary>The engine's view of an open work item, as a use case sees it.</summary>
    public static DossierWorkItem From(WorkItemView w) =>
        new(w.Id, w.StepId, w.Title, w.Role, w.UnitId, w.Assignee, w.ClaimedBy, w.Branch, w.CreatedAt, w.DueAt, IsOpen: true);
}

/// <summary>
/// The engine's reads inside the use case's own transaction (<see cref="InstanceReads"/>: the engine's query services use
/// their own connection and would not see rows this transaction wrote), and its outbox for facts that do not go through an
/// engine transition (an apology, a withdrawn online submission).
/// </summary>
internal static class EngineRows
{
    /// <summary>The open work items of the workflow of the dossier <c>$1</c>, for a use case's batch (<see cref="ReadWorkItemsAsync"/> reads them).</summary>
    internal static readonly string WorkItemsOfDossierSql =
        InstanceReads.OpenWorkItemsSql("SELECT workflow_instance_id FROM procedures.dossiers WHERE id = $1");

    public static async Task<List<DossierWorkItem>> WorkItemsAsync(NpgsqlTransaction tx, Guid instanceId, CancellationToken ct) =>
        (await InstanceReads.OpenWorkItemsAsync(tx, instanceId, ct)).Select(DossierWorkItem.From).ToList();

    internal static async Task<List<DossierWorkItem>> ReadWorkItemsAsync(NpgsqlDataReader r, CancellationToken ct) =>
        (await InstanceReads.ReadOpenWorkItemsAsync(r, ct)).Select(DossierWorkItem.From).ToList();

    /// <summary>The step a path left in this transaction's latest move of the instance.</summary>
    public static Task<string?> LastMovedFromAsync(NpgsqlTransaction tx, Guid instanceId, CancellationToken ct) =>
        InstanceReads.LastMovedFromAsync(tx, instanceId, ct);

    /// <summary>A message recorded with the use case's change, through the engine (which keeps the instance's messages in order).</summary>
    public static Task AddOutboxAsync(NpgsqlTransaction tx, Guid? instanceId, DateTimeOffset now, OutboxMessage message, CancellationToken ct) =>
        Engine.Outbox.OutboxWriter.WriteAsync(tx, instanceId, [message], now, ct);
}
