using Engine.Queries;
using Npgsql;

namespace Procedures.Dossiers;

/// <summary>
/// Gives a consultation row (consulted unit, deadline, work item) to every open consulted-agency step that a timer opened
/// outside any use case, such as land's tax assessment after the public posting, so the consulted officer finds the
/// dossier in searches and inboxes as after a consultation a use case opened. Idempotent; the worker calls it after timers.
/// </summary>
public sealed class RecordTimerConsultations(NpgsqlDataSource dataSource)
{
    /// <summary>The actor recorded on these rows: the workflow itself, not an official.</summary>
    public const string Requester = "workflow";

    private const long AdvisoryLockKey = 0x1500_C025_0001;

    /// <summary>Records the missing rows; returns how many.</summary>
    public async Task<int> RecordAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Two sweeps at once would both see the same step without a row: one at a time.
        await using (var lockCmd = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", conn, tx))
            await lockCmd.ExecuteNonQueryAsync(ct);
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO procedures.consultations (id, dossier_id, consulted_unit_id, subject, requested_at, requested_by, due_at, work_item_id)
            SELECT gen_random_uuid(), d.id, u.id, left(coalesce(w.title, w.step_id), 1000), w.created_at, $1, w.due_at, w.id
            FROM {EngineReadModel.WorkItems} w
            JOIN procedures.dossiers d ON d.workflow_instance_id = w.instance_id
            JOIN procedures.units u ON u.id::text = w.unit_id
            WHERE w.status = 'Open' AND w.role = $2
              AND NOT EXISTS (SELECT 1 FROM procedures.consultations c WHERE c.work_item_id = w.id)
            """, conn, tx) { Parameters = { new() { Value = Requester }, new() { Value = StepRoles.ConsultedOfficer } } };
        var recorded = await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return recorded;
    }
}
