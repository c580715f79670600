using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Api.Dossiers;

/// <summary>
/// Whether a caller may see a dossier, for reads that do not go through a use case (attachments): the same rule
/// as the domain's — an official of a unit taking part (receiving, processing, consulted, or any work item's unit),
/// or the citizen who submitted it. Anyone else gets NotFound.
/// </summary>
public sealed class DossierAccess(NpgsqlDataSource dataSource, ProceduresDb db, OfficialDirectory officials)
{
    public async Task<bool> OfficialSeesAsync(string userName, Guid dossierId, CancellationToken ct)
    {
        var actor = await officials.FindAsync(userName, ct);
        return actor is not null && (await DossierParticipants.UnitsAsync(db, dossierId, ct)).Any(actor.BelongsTo);
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
