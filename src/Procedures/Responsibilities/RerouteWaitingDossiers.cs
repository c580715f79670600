using Engine.Queries;
using Npgsql;
using NpgsqlTypes;
using Procedures.Dossiers;

namespace Procedures.Responsibilities;

/// <summary>A dossier moved by a change of responsibility: to the section or official now in charge, or to the unit's common queue (both null).</summary>
public sealed record ReroutedDossier(Guid DossierId, string? Code, Guid? SectionId, string? Official);

/// <summary>
/// When a unit's responsibility for a sector or procedure changes, its open dossiers of that scope still waiting in a queue
/// that nobody has claimed follow it: each is routed again by the assignments in effect on <c>day</c> (a procedure's beats its
/// sector's; none: the unit's common queue), with a history row. A dossier someone holds stays with them, and one a leader
/// directed keeps the direction. Runs in the change's transaction, so the change and the moves commit or fail together.
/// </summary>
public static class RerouteWaitingDossiers
{
    /// <summary>Statuses in which a dossier's steps wait in the processing unit's queues.</summary>
    private static readonly string[] Open =
        [nameof(DossierStatus.Accepted), nameof(DossierStatus.Processing), nameof(DossierStatus.SupplementRequested), nameof(DossierStatus.FinancialObligation)];

    public static async Task<IReadOnlyList<ReroutedDossier>> HandleAsync(NpgsqlTransaction tx, Guid unitId, Guid? sectorId, Guid? procedureId,
        DateOnly day, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = new List<(Guid Id, string? Code, Guid ProcedureId, Guid? SectionId, string? Official)>();
        // Locked like every use case locks its dossier, so a clerk or specialist acting on one at the same moment waits for the move.
        await using (var select = new NpgsqlCommand($"""
            SELECT d.id, d.code, d.procedure_id, rt.section_id, rt.official
            FROM procedures.dossiers d
            JOIN procedures.procedures p ON p.id = d.procedure_id
            LEFT JOIN procedures.dossier_routes rt ON rt.dossier_id = d.id
            WHERE d.processing_unit_id = $1 AND d.status = ANY($4) AND d.workflow_instance_id IS NOT NULL
              AND (d.procedure_id = $3 OR p.sector_id = $2)
              AND rt.direction_id IS NULL
              AND EXISTS (SELECT 1 FROM {EngineReadModel.WorkItems} w WHERE w.instance_id = d.workflow_instance_id AND w.status = 'Open'
                          AND w.unit_id = d.processing_unit_id::text)
              AND NOT EXISTS (SELECT 1 FROM {EngineReadModel.WorkItems} w WHERE w.instance_id = d.workflow_instance_id AND w.status = 'Open'
                              AND (w.assignee IS NOT NULL OR w.claimed_by IS NOT NULL))
            ORDER BY d.id
            FOR UPDATE OF d
            """, tx.Connection, tx)
        {
            Parameters =
            {
                new() { Value = unitId }, new() { Value = (object?)sectorId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                new() { Value = (object?)procedureId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid }, new() { Value = Open },
            },
        })
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                candidates.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetGuid(2),
                    reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4)));

        var moved = new List<ReroutedDossier>();
        foreach (var c in candidates)
        {
            var route = await DossierRoutes.ResolveAsync(tx, unitId, c.ProcedureId, day, ct);
            if (route?.SectionId == c.SectionId && route?.Official == c.Official) continue;
            await DossierRoutes.SaveAsync(tx, c.Id, route, now, ct);
            await RecordAsync(tx, c.Id, route, actor, now, ct);
            moved.Add(new ReroutedDossier(c.Id, c.Code, route?.SectionId, route?.Official));
        }
        return moved;
    }

    /// <summary>The dossier's history says where it went and why, for the process-control sheet and the audit.</summary>
    private static async Task RecordAsync(NpgsqlTransaction tx, Guid dossierId, DossierRoute? route, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO procedures.dossier_events (dossier_id, at, kind, actor, actor_name, receiver, receiver_name, comment, data)
            SELECT $1, $2, 'Rerouted', $3, coalesce((SELECT full_name FROM procedures.officials WHERE user_name = $3), $3),
                   $4, coalesce((SELECT full_name FROM procedures.officials WHERE user_name = $4), (SELECT name FROM procedures.units WHERE id = $5)),
                   $6, $7::jsonb
            """, tx.Connection, tx)
        {
            Parameters =
            {
                new() { Value = dossierId }, new() { Value = now }, new() { Value = actor },
                new() { Value = (object?)route?.Official ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                new() { Value = (object?)route?.SectionId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                new() { Value = route is null
                    ? "Phân quyền phụ trách thay đổi: hồ sơ chuyển về hàng chờ chung của đơn vị (Responsibility changed: back to the unit's common queue)."
                    : "Phân quyền phụ trách thay đổi: hồ sơ chuyển cho người (bộ phận) phụ trách mới (Responsibility changed: routed to the new holder)." },
                new() { Value = System.Text.Json.JsonSerializer.Serialize(new { sectionId = route?.SectionId, official = route?.Official, responsibilityId = route?.ResponsibilityId }) },
            },
        };
        await insert.ExecuteNonQueryAsync(ct);
    }
}
