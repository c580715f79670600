using Npgsql;
using Procedures.Organisation;

namespace Api.Dossiers;

/// <summary>
/// Whether a caller may see a dossier, for reads that do not go through a use case (attachments): the same rule
/// as the domain's — an official of a unit taking part (receiving, processing, consulted, or any work item's unit),
/// or the citizen who submitted it. Anyone else gets NotFound.
/// </summary>
public sealed class DossierAccess(NpgsqlDataSource dataSource, OfficialDirectory officials)
{
    public async Task<bool> OfficialSeesAsync(string userName, Guid dossierId, CancellationToken ct)
    {
        var actor = await officials.FindAsync(userName, ct);
        if (actor is null) return false;
        await using var command = dataSource.CreateCommand("""
            SELECT ARRAY[d.receiving_unit_id, d.processing_unit_id]
                || ARRAY(SELECT c.consulted_unit_id FROM procedures.consultations c WHERE c.dossier_id = d.id)
                || ARRAY(SELECT DISTINCT w.unit_id::uuid FROM engine.work_items w
                         WHERE w.instance_id = d.workflow_instance_id AND w.unit_id ~ '^[0-9a-fA-F-]{36}$')
            FROM procedures.dossiers d WHERE d.id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = dossierId });
        return await command.ExecuteScalarAsync(ct) is Guid[] units && units.Any(actor.BelongsTo);
    }

    public async Task<bool> CitizenOwnsAsync(Guid citizenId, Guid dossierId, CancellationToken ct)
    {
        if (citizenId == Guid.Empty) return false;
        await using var command = dataSource.CreateCommand("SELECT 1 FROM procedures.dossiers WHERE id = $1 AND citizen_account_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = dossierId });
        command.Parameters.Add(new NpgsqlParameter { Value = citizenId });
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
