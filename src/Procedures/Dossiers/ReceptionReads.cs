using Npgsql;
using Procedures.ReferenceData;

namespace Procedures.Dossiers;

/// <summary>
/// What a reception reads inside its transaction, in one round trip: the dossier's code number (the day's counter row, locked
/// until the commit), its route by responsibility, and the generation of the reference data the checks before it were made on.
/// </summary>
internal static class ReceptionReads
{
    public static async Task<(int Number, DossierRoute? Route, long Generation)> ReadAsync(NpgsqlTransaction tx, string unitCode, DateOnly day,
        Guid processingUnitId, Guid procedureId, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(tx.Connection, tx)
        {
            BatchCommands = { DossierCodes.Next(unitCode, day), DossierRoutes.Resolve(processingUnitId, procedureId, day), new(ReferenceGeneration.ReadSql) },
        };
        await using var r = await batch.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var number = r.GetInt32(0);
        await r.NextResultAsync(ct);
        var route = await DossierRoutes.ReadResolvedAsync(r, processingUnitId, ct);
        await r.NextResultAsync(ct);
        await r.ReadAsync(ct);
        return (number, route, r.GetInt64(0));
    }
}
