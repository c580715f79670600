using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Procedures.Dossiers;

/// <summary>
/// A use case's commit of its dossier, which it read without EF's change tracker (<see cref="DossierSnapshot"/>): a new dossier with its
/// documents, or the columns that changed since it was read (on the revision read, as EF's concurrency check did), its documents added,
/// changed or removed, and its new history rows, in one batch of plain statements. EF's SaveChanges cost a use case more than the
/// engine's whole transition (it sorts its commands by every foreign key and unique index of the model), and its change tracker's
/// snapshots and detection most of the rest. Whatever else a use case adds to the context still goes through SaveChanges.
/// </summary>
internal static class DossierWrites
{
    private const string InsertEventSql = """
        INSERT INTO procedures.dossier_events (dossier_id, at, kind, actor, actor_name, actor_unit_id, receiver, receiver_name, step, comment,
            due_at, timeliness, data)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id
        """;

    /// <summary>
    /// Writes <paramref name="dossier"/> (inserted when <paramref name="before"/> is null, else its changes since) and the history rows
    /// <paramref name="history"/>, whose ids it sets. Throws <see cref="DbUpdateConcurrencyException"/> when the row's revision is no
    /// longer the one read, as SaveChanges would.
    /// </summary>
    public static async Task WriteAsync(IModel model, NpgsqlTransaction tx, Dossier dossier, DossierSnapshot? before,
        IReadOnlyList<DossierEvent> history, CancellationToken ct)
    {
        var (dossiers, documents, events) = (DossierColumns.Dossiers(model), DossierColumns.Documents(model), DossierColumns.Events(model));
        await using var batch = new NpgsqlBatch(tx.Connection, tx);
        NpgsqlBatchCommand? update = null;
        if (before is null) batch.BatchCommands.Add(Insert(dossiers, dossier));
        else if (Update(dossiers, dossier, before.Dossier, "id = $1 AND revision = $2", dossier.Id, before.Dossier[dossiers.Index(nameof(Dossier.Revision))]) is { } changed)
            batch.BatchCommands.Add(update = changed);
        foreach (var document in dossier.Documents)
        {
            if (before?.Documents.GetValueOrDefault(document.Id) is not { } read) batch.BatchCommands.Add(Insert(documents, document));
            else if (Update(documents, document, read, "id = $1", document.Id) is { } changed) batch.BatchCommands.Add(changed);
        }
        foreach (var removed in before?.Documents.Keys.Where(id => dossier.Documents.All(d => d.Id != id)) ?? [])
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"DELETE FROM {documents.Table} WHERE id = $1") { Parameters = { new() { Value = removed } } });
        foreach (var row in history)
        {
            events.Clean(row);
            batch.BatchCommands.Add(Insert(row));
        }
        if (batch.BatchCommands.Count == 0) return;
        var ids = new List<long>(history.Count);
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // The reader skips the statements that return no rows: what it reads are the history rows' ids, in order.
            do
            {
                while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
            } while (await reader.NextResultAsync(ct));
        }
        for (var i = 0; i < ids.Count; i++) history[i].Id = ids[i];
        // The row is locked by the use case, so this only fails if something wrote it behind the lock: as SaveChanges would say.
        if (update is { RecordsAffected: not 1 })
            throw new DbUpdateConcurrencyException($"The dossier {dossier.Id} was changed by someone else.");
    }

    /// <summary><c>UPDATE</c> of the columns changed since <paramref name="before"/>, where <paramref name="where"/> holds; null when none did.</summary>
    private static NpgsqlBatchCommand? Update(DossierColumns columns, object row, object?[] before, string where, params object?[] keys)
    {
        var command = new NpgsqlBatchCommand();
        foreach (var key in keys) command.Parameters.Add(new NpgsqlParameter { Value = key });
        var set = new List<string>();
        for (var i = 0; i < columns.Count; i++)
        {
            if (!columns.Changed(row, before, i)) continue;
            command.Parameters.Add(columns.Parameter(row, i));
            set.Add($"{columns.Name(i)} = ${command.Parameters.Count}");
        }
        if (set.Count == 0) return null;
        command.CommandText = $"UPDATE {columns.Table} SET {string.Join(", ", set)} WHERE {where}";
        return command;
    }

    /// <summary><c>INSERT</c> of every column of <paramref name="row"/>.</summary>
    private static NpgsqlBatchCommand Insert(DossierColumns columns, object row)
    {
        var command = new NpgsqlBatchCommand();
        for (var i = 0; i < columns.Count; i++) command.Parameters.Add(columns.Parameter(row, i));
        command.CommandText = $"INSERT INTO {columns.Table} ({columns.Select}) VALUES ({string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => $"${i}"))})";
        return command;
    }

    private static NpgsqlBatchCommand Insert(DossierEvent e) => new(InsertEventSql)
    {
        Parameters =
        {
            new() { Value = e.DossierId }, new() { Value = e.At }, new() { Value = e.Kind }, new() { Value = e.Actor }, new() { Value = e.ActorName },
            new() { Value = (object?)e.ActorUnitId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
            new() { Value = (object?)e.Receiver ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
            new() { Value = (object?)e.ReceiverName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
            new() { Value = (object?)e.Step ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
            new() { Value = (object?)e.Comment ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = (object?)e.DueAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            new() { Value = (object?)e.Timeliness?.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
            new() { Value = (object?)e.Data ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb },
        },
    };
}
