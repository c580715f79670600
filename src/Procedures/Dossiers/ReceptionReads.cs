using Engine.Runtime;
using Npgsql;
using Procedures.ReferenceData;

namespace Procedures.Dossiers;

/// <summary>
/// What a reception reads inside its transaction, in one round trip: its route by responsibility, the generation of the reference
/// data the checks before it were made on, and the published definition its workflow starts on. The dossier's code number is not
/// among them: it is taken last (<see cref="DossierCodes.NextAsync(NpgsqlTransaction, string, DateOnly, CancellationToken)"/>),
/// just before the writes that carry it, because its counter row stays locked until the commit.
/// </summary>
internal static class ReceptionReads
{
    public static async Task<(DossierRoute? Route, long Generation, ResolvedStart Definition)> ReadAsync(NpgsqlTransaction tx, DateOnly day,
        Guid processingUnitId, Guid procedureId, string definitionId, int? version, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(tx.Connection, tx)
        {
            BatchCommands =
            {
                DossierRoutes.Resolve(processingUnitId, procedureId, day), new(ReferenceGeneration.ReadSql), StartResolution.Command(definitionId, version),
            },
        };
        await using var r = await batch.ExecuteReaderAsync(ct);
        var route = await DossierRoutes.ReadResolvedAsync(r, processingUnitId, ct);
        await r.NextResultAsync(ct);
        await r.ReadAsync(ct);
        var generation = r.GetInt64(0);
        await r.NextResultAsync(ct);
        return (route, generation, await StartResolution.ReadAsync(r, definitionId, version, ct));
    }
}
