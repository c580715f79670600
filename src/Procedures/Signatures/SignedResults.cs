using Npgsql;
using NpgsqlTypes;

namespace Procedures.Signatures;

/// <summary>A signed document as stored: the PDF, its SHA-256, what it is (<see cref="SignedKinds"/>) and who signed it when.</summary>
public sealed record SignedResult(Guid Id, Guid DossierId, string FileName, byte[] Content, string Sha256, string SignedBy,
    string? SignedOnBehalfOf, string SignerName, string CertificateThumbprint, DateTimeOffset SignedAt, string Kind = SignedKinds.Result);

/// <summary>What a signed document is: the result, or a form signed when it was issued.</summary>
public static class SignedKinds
{
    public const string Result = "result";
    /// <summary>Form 03, the refusal with its reason.</summary>
    public const string Refusal = "refusal";
    /// <summary>Form 04, the apology with a new appointment.</summary>
    public const string Apology = "apology";

    public static bool IsForm(string kind) => kind is Refusal or Apology;
}

/// <summary>
/// The table <c>procedures.signed_results</c>: signed results and signed forms, each written in its use case's own transaction.
/// A dossier's latest document of a kind is the one offered; an earlier one is superseded.
/// </summary>
public static class SignedResults
{
    public static async Task AddAsync(NpgsqlTransaction tx, SignedResult r, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO procedures.signed_results (id, dossier_id, file_name, content, sha256, signed_by, signed_on_behalf_of, signer_name,
                certificate_thumbprint, signed_at, kind)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, tx.Connection, tx)
        {
            Parameters =
            {
                new() { Value = r.Id }, new() { Value = r.DossierId }, new() { Value = r.FileName }, new() { Value = r.Content },
                new() { Value = r.Sha256 }, new() { Value = r.SignedBy },
                new() { Value = (object?)r.SignedOnBehalfOf ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                new() { Value = r.SignerName }, new() { Value = r.CertificateThumbprint }, new() { Value = r.SignedAt },
                new() { Value = r.Kind },
            },
        };
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<SignedResult?> ByIdAsync(NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        Guid dossierId;
        string kind;
        await using (var command = db.CreateCommand("SELECT dossier_id, kind FROM procedures.signed_results WHERE id = $1"))
        {
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            (dossierId, kind) = (reader.GetGuid(0), reader.GetString(1));
        }
        var latest = await FindAsync(db, dossierId, null, ct, kind);
        return latest?.Id == id ? latest : null; // a superseded document is not offered by its QR
    }

    /// <summary>Which of <paramref name="dossierIds"/> have a signed result, for the lists that offer its download.</summary>
    public static async Task<IReadOnlySet<Guid>> WhichHaveAsync(NpgsqlDataSource db, IReadOnlyCollection<Guid> dossierIds, CancellationToken ct)
    {
        var found = new HashSet<Guid>();
        if (dossierIds.Count == 0) return found;
        await using var command = db.CreateCommand("SELECT DISTINCT dossier_id FROM procedures.signed_results WHERE dossier_id = ANY($1) AND kind = 'result'");
        command.Parameters.Add(new() { Value = dossierIds.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetGuid(0));
        return found;
    }

    /// <summary>The kinds of signed forms (<see cref="SignedKinds.Refusal"/>, <see cref="SignedKinds.Apology"/>) a dossier has.</summary>
    public static async Task<IReadOnlySet<string>> FormsOfAsync(NpgsqlDataSource db, Guid dossierId, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var command = db.CreateCommand("SELECT DISTINCT kind FROM procedures.signed_results WHERE dossier_id = $1 AND kind <> 'result'");
        command.Parameters.Add(new() { Value = dossierId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>
    /// The latest signed document of a dossier of <paramref name="kind"/> (the result unless told; null: any kind), or the one whose
    /// bytes hash to <paramref name="sha256"/>.
    /// </summary>
    public static async Task<SignedResult?> FindAsync(NpgsqlDataSource db, Guid? dossierId, string? sha256, CancellationToken ct,
        string? kind = SignedKinds.Result)
    {
        await using var command = db.CreateCommand("""
            SELECT id, dossier_id, file_name, content, sha256, signed_by, signed_on_behalf_of, signer_name, certificate_thumbprint, signed_at, kind
            FROM procedures.signed_results WHERE ($1::uuid IS NULL OR dossier_id = $1) AND ($2::text IS NULL OR sha256 = $2)
                AND ($3::text IS NULL OR kind = $3)
            ORDER BY signed_at DESC LIMIT 1
            """);
        command.Parameters.Add(new() { Value = (object?)dossierId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = (object?)sha256 ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new SignedResult(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3), reader.GetString(4),
            reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8),
            reader.GetFieldValue<DateTimeOffset>(9), reader.GetString(10));
    }
}
