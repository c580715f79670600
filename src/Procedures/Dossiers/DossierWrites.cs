using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Engine.Runtime;
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
    /// longer the one read, as SaveChanges would. <paramref name="after"/>: a batch whose statements (the engine's deferred writes) go
    /// first in the same round trip; its owner disposes it.
    /// </summary>
    public static async Task WriteAsync(IModel model, NpgsqlTransaction tx, Dossier dossier, DossierSnapshot? before,
        IReadOnlyList<DossierEvent> history, CancellationToken ct, NpgsqlBatch? after = null)
    {
        var (dossiers, documents, events) = (DossierColumns.Dossiers(model), DossierColumns.Documents(model), DossierColumns.Events(model));
        var batch = after ?? new NpgsqlBatch(tx.Connection, tx);
        await using var owned = after is null ? batch : null;
        NpgsqlBatchCommand? update = null;
        if (before is null) batch.BatchCommands.Add(Insert(dossiers, dossier));
        else if (Update(dossiers, dossier, before.Dossier, DossierWhere, dossier.Id, before.Dossier[dossiers.Index(nameof(Dossier.Revision))]) is { } changed)
            batch.BatchCommands.Add(update = changed);
        foreach (var document in dossier.Documents)
        {
            if (before?.Documents.GetValueOrDefault(document.Id) is not { } read) batch.BatchCommands.Add(Insert(documents, document));
            else if (Update(documents, document, read, DocumentWhere, document.Id) is { } changed) batch.BatchCommands.Add(changed);
        }
        if (before is not null)
            foreach (var removed in before.Documents.Keys)
                if (!Kept(dossier.Documents, removed))
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(documents.DeleteSql) { Parameters = { ReusedParameters.Take(removed) } });
        foreach (var row in history)
        {
            events.Clean(row);
            batch.BatchCommands.Add(Insert(row));
        }
        if (batch.BatchCommands.Count == 0) return;
        var next = 0;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            // The reader skips the statements that return no rows: what it reads are the history rows' ids, in order.
            do
            {
                while (await reader.ReadAsync(ct)) history[next++].Id = reader.GetInt64(0);
            } while (await reader.NextResultAsync(ct));
        }
        ReusedParameters.GiveBack(batch);
        // The row is locked by the use case, so this only fails if something wrote it behind the lock: as SaveChanges would say.
        if (update is { RecordsAffected: not 1 })
            throw new DbUpdateConcurrencyException($"The dossier {dossier.Id} was changed by someone else.");
    }

    private const string DossierWhere = "id = $1 AND revision = $2";
    private const string DocumentWhere = "id = $1";

    private static bool Kept(List<DossierDocument> documents, Guid id)
    {
        foreach (var document in documents)
            if (document.Id == id) return true;
        return false;
    }

    /// <summary><c>UPDATE</c> of the columns changed since <paramref name="before"/>, where <paramref name="where"/> holds; null when none did.</summary>
    private static NpgsqlBatchCommand? Update(DossierColumns columns, object row, object?[] before, string where, object key, object? revision = null)
    {
        var changed = columns.ChangedSince(row, before);
        if (changed == 0) return null;
        var command = new NpgsqlBatchCommand(columns.UpdateSql(changed, where, revision is null ? 1 : 2));
        command.Parameters.Add(ReusedParameters.Take(key));
        if (revision is not null) command.Parameters.Add(ReusedParameters.Take(revision));
        for (var i = 0; i < columns.Count; i++)
            if ((changed & (UInt128.One << i)) != 0) command.Parameters.Add(columns.Parameter(row, i));
        return command;
    }

    /// <summary><c>INSERT</c> of every column of <paramref name="row"/>.</summary>
    private static NpgsqlBatchCommand Insert(DossierColumns columns, object row)
    {
        var command = new NpgsqlBatchCommand(columns.InsertSql);
        for (var i = 0; i < columns.Count; i++) command.Parameters.Add(columns.Parameter(row, i));
        return command;
    }

    private static NpgsqlBatchCommand Insert(DossierEvent e) => new(InsertEventSql)
    {
        Parameters =
        {
            ReusedParameters.Take(e.DossierId), ReusedParameters.Take(e.At), ReusedParameters.Take(e.Kind), ReusedParameters.Take(e.Actor),
            ReusedParameters.Take(e.ActorName), ReusedParameters.Take(e.ActorUnitId, NpgsqlDbType.Uuid),
            ReusedParameters.Take(e.Receiver, NpgsqlDbType.Varchar), ReusedParameters.Take(e.ReceiverName, NpgsqlDbType.Varchar),
            ReusedParameters.Take(e.Step, NpgsqlDbType.Varchar), ReusedParameters.Take(e.Comment, NpgsqlDbType.Text),
            ReusedParameters.Take(e.DueAt, NpgsqlDbType.TimestampTz), ReusedParameters.Take(e.Timeliness?.ToString(), NpgsqlDbType.Varchar),
            ReusedParameters.Take(e.Data, NpgsqlDbType.Jsonb),
        },
    };
}
