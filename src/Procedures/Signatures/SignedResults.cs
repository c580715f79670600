using Npgsql;
using NpgsqlTypes;

namespace Procedures.Signatures;

/// <summary>A signed result as stored: the PDF, its SHA-256 and who signed it when.</summary>
public sealed record SignedResult(Guid Id, Guid DossierId, string FileName, byte[] Content, string Sha256, string SignedBy,
    string? SignedOnBehalfOf, string SignerName, string CertificateThumbprint, DateTimeOffset SignedAt);

/// <summary>The table <c>procedures.signed_results</c>, written in the signing step's own transaction.</summary>
public static class SignedResults
{
    public static async Task AddAsync(NpgsqlTransaction tx, SignedResult r, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO procedures.signed_results (id, dossier_id, file_name, content, sha256, signed_by, signed_on_behalf_of, signer_name,
                certificate_thumbprint, signed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, tx.Connection, tx)
        {
            Parameters =
            {
                new() { Value = r.Id }, new() { Value = r.DossierId }, new() { Value = r.FileName }, new() { Value = r.Content },
                new() { Value = r.Sha256 }, new() { Value = r.SignedBy },
                new() { Value = (object?)r.SignedOnBehalfOf ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                new() { Value = r.SignerName }, new() { Value = r.CertificateThumbprint }, new() { Value = r.SignedAt },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<SignedResult?> ByIdAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT dossier_id FROM procedures.signed_results WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        if (await command.ExecuteScalarAsync(ct) is not Guid dossierId) return null;
        var latest = await FindAsync(db, dossierId, null, ct);
        return latest?.Id == id ? latest : null; // a superseded result is not offered by its QR
    }

    /// <summary>Which of <paramref name="dossierIds"/> have a signed result, for the lists that offer its download.</summary>
    public static async Task<IReadOnlySet<Guid>> WhichHaveAsync(NpgsqlDataSource db, IReadOnlyCollection<Guid> dossierIds, CancellationToken ct)
    {
        var found = new HashSet<Guid>();
        if (dossierIds.Count == 0) return found;
        await using var command = db.CreateCommand("SELECT DISTINCT dossier_id FROM procedures.signed_results WHERE dossier_id = ANY($1)");
        command.Parameters.Add(new() { Value = dossierIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetGuid(0));
        return found;
    }

    /// <summary>The latest signed result of a dossier, or the one whose bytes hash to <paramref name="sha256"/>.</summary>
    public static async Task<SignedResult?> FindAsync(NpgsqlDataSource db, Guid? dossierId, string? sha256, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT id, dossier_id, file_name, content, sha256, signed_by, signed_on_behalf_of, signer_name, certificate_thumbprint, signed_at
            FROM procedures.signed_results WHERE ($1::uuid IS NULL OR dossier_id = $1) AND ($2::text IS NULL OR sha256 = $2)
            ORDER BY signed_at DESC LIMIT 1
            """);
        command.Parameters.Add(new() { Value = (object?)dossierId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)sha256 ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new SignedResult(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.GetString(4),
            reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8),
            reader.GetFieldValue<DateTimeOffset>(9));
    }
}
