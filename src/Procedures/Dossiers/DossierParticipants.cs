using Engine.Queries;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// The units taking part in a dossier: the receiving and processing units, every consulted unit, and the unit of any of
/// its workflow's work items. An official of one of them may see the dossier; to anyone else it does not exist.
/// One SQL expression, used by the use cases, the domain's reads and the API's checks of reads that bypass a use case.
/// </summary>
public static class DossierParticipants
{
    /// <summary>
    /// The units taking part in the dossier row <paramref name="alias"/>, as a <c>uuid[]</c> SQL expression. It has no braces,
    /// so it can go into SQL that EF formats (<c>SqlQueryRaw</c>) as it is.
    /// </summary>
    public static string UnitsOf(string alias) => $$"""
        ARRAY[{{alias}}.receiving_unit_id, {{alias}}.processing_unit_id]
            || ARRAY(SELECT c.consulted_unit_id FROM procedures.consultations c WHERE c.dossier_id = {{alias}}.id)
            || ARRAY(SELECT DISTINCT w.unit_id::uuid FROM {{EngineReadModel.WorkItems}} w
                     WHERE w.instance_id = {{alias}}.workflow_instance_id AND length(w.unit_id) = 36 AND w.unit_id ~ '^[0-9a-fA-F-]+$')
        """;

    private static string UnitsSql(string dossier) => $"""
        SELECT u AS "Value" FROM procedures.dossiers d, unnest({UnitsOf("d")}) AS u
        WHERE d.id = {dossier} AND u IS NOT NULL
        """;

    private static readonly string ReadSql = UnitsSql("@dossier");
    private static readonly string LockSql = UnitsSql("$1") + " FOR UPDATE OF d";

    /// <summary>The engine's locks on the dossier's workflow instance, taken after the dossier's (the order every use case takes them in).</summary>
    private static readonly (string Instance, string WorkItems) LockInstanceSql =
        InstanceLock.Sql("SELECT workflow_instance_id FROM procedures.dossiers WHERE id = $1");

    /// <summary>The units taking part; empty when the dossier does not exist.</summary>
    public static async Task<IReadOnlyList<Guid>> UnitsAsync(ProceduresDb db, Guid dossierId, CancellationToken ct = default) =>
        await db.Database.SqlQueryRaw<Guid>(ReadSql, new Npgsql.NpgsqlParameter("dossier", dossierId)).ToListAsync(ct);

    /// <summary>
    /// Locks the dossier row for the transaction and returns the units taking part, its workflow's open work items and its
    /// route and the generation of the reference data (<see cref="ReferenceData.ReferenceCache"/>), in one round trip: a use case queues behind any other on the same dossier and learns who may act on it and
    /// where the dossier stands, the dossier with its documents (untracked), and its workflow instance locked for the engine's next
    /// completion (<see cref="InstanceLock"/>). Empty units when the dossier does not exist. The units are as of the locking statement's
    /// start: units only ever join a dossier, so a race can at worst answer NotFound to a unit consulted a moment ago, never
    /// let anyone else in. The work items, the route and the dossier are read by the next statements, after the lock is held.
    /// </summary>
    internal static async Task<(IReadOnlyList<Guid> Units, List<DossierWorkItem> WorkItems, DossierRoute? Route, long ReferenceGeneration, Dossier? Dossier,
        InstanceLock? Instance)>
        LockAsync(NpgsqlTransaction tx, Microsoft.EntityFrameworkCore.Metadata.IModel model, Guid dossierId, CancellationToken ct)
    {
        var (dossierSql, documentsSql) = DossierSnapshot.Sql(model);
        await using var batch = new NpgsqlBatch(tx.Connection, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(LockSql) { Parameters = { ReusedParameters.Take(dossierId) } },
                new NpgsqlBatchCommand(EngineRows.WorkItemsOfDossierSql) { Parameters = { ReusedParameters.Take(dossierId) } },
                new NpgsqlBatchCommand(DossierRoutes.ReadSql) { Parameters = { ReusedParameters.Take(dossierId) } },
                new NpgsqlBatchCommand(ReferenceData.ReferenceGeneration.ReadSql),
                new NpgsqlBatchCommand(dossierSql) { Parameters = { ReusedParameters.Take(dossierId) } },
                new NpgsqlBatchCommand(documentsSql) { Parameters = { ReusedParameters.Take(dossierId) } },
                new NpgsqlBatchCommand(LockInstanceSql.Instance) { Parameters = { ReusedParameters.Take(dossierId) } },
                new NpgsqlBatchCommand(LockInstanceSql.WorkItems) { Parameters = { ReusedParameters.Take(dossierId) } },
            },
        };
        var units = new List<Guid>();
        List<DossierWorkItem> workItems;
        DossierRoute? route;
        long generation;
        Dossier? dossier;
        InstanceLock? instance;
        await using (var r = await batch.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct)) units.Add(r.GetGuid(0));
            await r.NextResultAsync(ct);
            workItems = await EngineRows.ReadWorkItemsAsync(r, ct);
            await r.NextResultAsync(ct);
            route = await DossierRoutes.ReadAsync(r, ct);
            await r.NextResultAsync(ct);
            await r.ReadAsync(ct);
            generation = r.GetInt64(0);
            await r.NextResultAsync(ct);
            dossier = await DossierSnapshot.ReadAsync(model, r, ct);
            await r.NextResultAsync(ct);
            instance = await InstanceLock.ReadAsync(r, ct);
        }
        ReusedParameters.GiveBack(batch);
        return (units, workItems, route, generation, dossier, instance);
    }
}
