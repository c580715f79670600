using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// The units taking part in a dossier: the receiving and processing units, every consulted unit, and the unit of any of
/// its workflow's work items. An official of one of them may see the dossier; to anyone else it does not exist.
/// One statement, used by the use cases, the domain's reads and the API's checks of reads that bypass a use case.
/// </summary>
public static class DossierParticipants
{
    /// <summary>The units taking part; empty when the dossier does not exist.</summary>
    public static async Task<IReadOnlyList<Guid>> UnitsAsync(ProceduresDb db, Guid dossierId, CancellationToken ct = default) =>
        await db.Database.SqlQuery<Guid>($$"""
            SELECT u AS "Value"
            FROM procedures.dossiers d,
                 unnest(ARRAY[d.receiving_unit_id, d.processing_unit_id]
                     || ARRAY(SELECT c.consulted_unit_id FROM procedures.consultations c WHERE c.dossier_id = d.id)
                     || ARRAY(SELECT DISTINCT w.unit_id::uuid FROM engine.work_items w
                              WHERE w.instance_id = d.workflow_instance_id AND w.unit_id ~ '^[0-9a-fA-F-]{36}$')) AS u
            WHERE d.id = {{dossierId}} AND u IS NOT NULL
            """).ToListAsync(ct);
}
