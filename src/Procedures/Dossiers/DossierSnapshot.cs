using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Procedures.Dossiers;

/// <summary>
/// A dossier and its documents as a use case read them, untracked: what <see cref="DossierWrites"/> compares them with at the commit,
/// to write only the columns that changed.
/// </summary>
internal sealed class DossierSnapshot(object?[] dossier, Dictionary<Guid, object?[]> documents)
{
    public object?[] Dossier => dossier;
    public Dictionary<Guid, object?[]> Documents => documents;

    public static DossierSnapshot Of(IModel model, Dossier read)
    {
        var columns = DossierColumns.Documents(model);
        return new(DossierColumns.Dossiers(model).Snapshot(read), read.Documents.ToDictionary(d => d.Id, columns.Snapshot));
    }

    /// <summary>The statements that read the dossier <c>$1</c> and its documents, for a use case's batch (<see cref="ReadAsync"/> reads them).</summary>
    public static (string Dossier, string Documents) Sql(IModel model) => _sql ??= SqlOf(model);

    private static (string, string)? _sql;

    private static (string, string) SqlOf(IModel model)
    {
        var (dossiers, documents) = (DossierColumns.Dossiers(model), DossierColumns.Documents(model));
        return ($"SELECT {dossiers.Select} FROM {dossiers.Table} WHERE id = $1",
            $"SELECT {documents.Select} FROM {documents.Table} WHERE dossier_id = $1 ORDER BY id");
    }

    /// <summary>Reads the two results of <see cref="Sql"/>; null when the dossier does not exist.</summary>
    public static async Task<Dossier?> ReadAsync(IModel model, NpgsqlDataReader r, CancellationToken ct)
    {
        var dossier = await r.ReadAsync(ct) ? DossierColumns.Dossiers(model).Read(r, new Dossier()) : null;
        await r.NextResultAsync(ct);
        var documents = DossierColumns.Documents(model);
        while (await r.ReadAsync(ct)) dossier?.Documents.Add(documents.Read(r, new DossierDocument()));
        return dossier;
    }
}
