namespace Engine.Queries;

/// <summary>
/// The engine's read model for SQL of other modules that must join engine data to their own rows in one statement (an inbox
/// page, a dossier page, a sweep). Each member names a view whose columns keep their names and meaning whatever the engine's
/// tables become; callers never name the tables. Reads that need no join use <see cref="WorkItemQueries"/>,
/// <see cref="InstanceQueries"/> or, inside the caller's transaction, <see cref="InstanceReads"/>.
/// </summary>
public static class EngineReadModel
{
    /// <summary>
    /// Every work item of every instance, open or done. Columns: <c>id, instance_id, token_id, definition_id, business_key,
    /// step_id, title, branch, role, unit_id, assignee, claimed_by, status</c> (<c>Open</c>, <c>Completed</c>, <c>Cancelled</c>),
    /// <c>created_at, due_at, completed_at, revision</c>. <c>unit_id</c> and the people are text as the definition gave them.
    /// A query that filters on <c>status = 'Open'</c> is served by the partial indexes on open work (by assignee, by claimer,
    /// by unit and role, by due time, and the unclaimed queue by unit, role, due time and id).
    /// </summary>
    public const string WorkItems = "engine.work_item_view";
}
