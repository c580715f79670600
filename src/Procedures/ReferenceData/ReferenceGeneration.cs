using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.ReferenceData;

/// <summary>
/// The generation of the reference data: a number that every committed change of officials, memberships, units, procedures,
/// their documents or competences raises (statement triggers, migration <c>ReferenceGeneration</c>). It is taken from a sequence,
/// so it never goes back, not even when the tables are truncated; the row holding it changes with the data, in its transaction.
/// </summary>
public static class ReferenceGeneration
{
    /// <summary>One row, one column: the generation (0 before any change was counted). Add it to a batch the use case sends anyway.</summary>
    public const string ReadSql = "SELECT coalesce((SELECT generation FROM procedures.reference_generation WHERE id = 1), 0) AS \"Value\"";

    /// <summary>The generation now, in a round trip of its own (a check that failed on cached data asks whether it was current).</summary>
    public static async Task<long> ReadAsync(ProceduresDb db, CancellationToken ct) => (await db.Database.SqlQueryRaw<long>(ReadSql).ToListAsync(ct))[0];
}
