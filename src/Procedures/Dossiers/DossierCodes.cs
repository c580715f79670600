using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// Dossier codes <c>&lt;unit code&gt;-&lt;yyMMdd&gt;-&lt;NNNN&gt;</c>. The daily counter row is incremented inside the
/// receiving transaction: concurrent receptions queue on its row lock, and a rolled-back reception
/// gives its number back, so codes are unique and gap-free per unit and day.
/// </summary>
public static class DossierCodes
{
    public static async Task<string> NextAsync(ProceduresDb db, string unitCode, DateOnly day, CancellationToken ct = default)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO procedures.dossier_code_sequences (unit_code, day, last) VALUES ({unitCode}, {day}, 1)
            ON CONFLICT (unit_code, day) DO UPDATE SET last = dossier_code_sequences.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct);
        return Format(unitCode, day, next[0]);
    }

    public static string Format(string unitCode, DateOnly day, int number) =>
        $"{unitCode}-{day.ToString("yyMMdd", CultureInfo.InvariantCulture)}-{number.ToString("0000", CultureInfo.InvariantCulture)}";
}
