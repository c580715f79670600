using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// Dossier codes <c>&lt;unit code&gt;-&lt;yyMMdd&gt;-&lt;NNNN&gt;</c>. The daily counter row is incremented inside the
/// receiving transaction: concurrent receptions queue on its row lock, and a rolled-back reception
/// gives its number back, so codes are unique and gap-free per unit and day. Because receptions at one shop queue on that
/// lock until they commit, a reception takes its number as late as it can: after every read, with only the building of
/// its writes and the round trip that sends them between the number and the commit (docs/architecture.md, "Dossier numbers").
/// </summary>
public static class DossierCodes
{
    /// <summary>The next number of the unit's day, in the reception's transaction; its row stays locked until that transaction ends.</summary>
    internal static async Task<int> NextAsync(Npgsql.NpgsqlTransaction tx, string unitCode, DateOnly day, CancellationToken ct)
    {
        await using var next = new Npgsql.NpgsqlCommand("""
            INSERT INTO procedures.dossier_code_sequences (unit_code, day, last) VALUES ($1, $2, 1)
            ON CONFLICT (unit_code, day) DO UPDATE SET last = dossier_code_sequences.last + 1
            RETURNING last
            """, tx.Connection, tx) { Parameters = { new() { Value = unitCode }, new() { Value = day } } };
        return (int)(await next.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// A code as a person types it — any case, spaces around or inside, with or without the dots of the unit code
    /// (<c>000.01.31.h29-260303-0007</c>, <c>0000131H29-260303-0007</c>) — in the form it is stored, the unit part spelled
    /// as the unit's code is; the text itself (trimmed, upper case) when no unit code fits.
    /// </summary>
    public static async Task<string> CanonicalAsync(ProceduresDb db, string typed, CancellationToken ct = default)
    {
        var compact = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var dash = compact.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0) return compact;
        var unitPart = Undotted(compact[..dash]);
        var unitCodes = await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync(ct);
        var unitCode = unitCodes.FirstOrDefault(c => string.Equals(Undotted(c), unitPart, StringComparison.OrdinalIgnoreCase));
        return unitCode is null ? compact : unitCode + compact[dash..];
    }

    private static string Undotted(string code) => code.Replace(".", "", StringComparison.Ordinal);

    public static string Format(string unitCode, DateOnly day, int number) =>
        $"{unitCode}-{day.ToString("yyMMdd", CultureInfo.InvariantCulture)}-{number.ToString("0000", CultureInfo.InvariantCulture)}";
}
