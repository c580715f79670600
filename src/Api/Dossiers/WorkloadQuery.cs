using Engine.Queries;
using Npgsql;
using Procedures.Dossiers;

namespace Api.Dossiers;

/// <summary>The open steps one official has in hand (assigned, claimed, or waiting for them alone by a route) in the units asked about.</summary>
public sealed record OfficialWorkload(string UserName, int Open, int DueSoon, int Overdue);

/// <summary>
/// Work in hand per official in some units, in one grouped read of the engine's open work items (the same partial indexes as
/// the inbox); a leader sees it for the units they lead, so they can spread new dossiers fairly. A queue item nobody holds counts
/// for the official a route puts in charge of it (phân quyền phụ trách, or a direction), since only they may take it.
/// </summary>
public sealed class WorkloadQuery(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<OfficialWorkload>> ForUnitsAsync(IReadOnlyCollection<Guid> units, DateTimeOffset now, DateTimeOffset dueSoonBefore, CancellationToken ct)
    {
        if (units.Count == 0) return [];
        // The step waiting for the citizen's supplement is on the citizen's clock: in hand, never due soon or overdue.
        await using var command = dataSource.CreateCommand($"""
            SELECT coalesce(w.claimed_by, w.assignee, routed.official) AS who, count(*),
                   count(*) FILTER (WHERE w.due_at >= @now AND w.due_at < @soon AND w.step_id <> '{DossierSteps.AwaitSupplement}'),
                   count(*) FILTER (WHERE w.due_at < @now AND w.step_id <> '{DossierSteps.AwaitSupplement}')
            FROM {EngineReadModel.WorkItems} w
            LEFT JOIN LATERAL (
                SELECT rt.official FROM procedures.dossiers rd JOIN procedures.dossier_routes rt ON rt.dossier_id = rd.id
                WHERE rd.workflow_instance_id = w.instance_id AND w.unit_id = rt.unit_id::text AND w.role = ANY(rt.roles)
                  AND rt.official IS NOT NULL AND w.assignee IS NULL AND w.claimed_by IS NULL
                LIMIT 1) routed ON true
            WHERE w.status = 'Open' AND w.unit_id = ANY(@units) AND coalesce(w.claimed_by, w.assignee, routed.official) IS NOT NULL
            GROUP BY 1
            """);
        command.Parameters.AddWithValue("units", units.Select(u => u.ToString()).ToArray());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("soon", dueSoonBefore);
        var rows = new List<OfficialWorkload>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new OfficialWorkload(reader.GetString(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3)));
        return rows;
    }
}
