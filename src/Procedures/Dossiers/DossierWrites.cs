using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using NpgsqlTypes;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// A use case's commit when all it changed is the dossier (a new one with its documents, or the changed columns of one) and its
/// history: plain statements in one batch. EF's SaveChanges cost a use case more than the engine's whole transition (it sorts its
/// commands by every foreign key and unique index of the model: about 45 KB allocated for one changed dossier, 240 KB for a new one);
/// anything else in the context still goes through SaveChanges, so this only ever writes what SaveChanges would have.
/// </summary>
internal static class DossierWrites
{
    private const string InsertEventSql = """
        INSERT INTO procedures.dossier_events (dossier_id, at, kind, actor, actor_name, actor_unit_id, receiver, receiver_name, step, comment,
            due_at, timeliness, data)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id
        """;

    /// <summary>Writes the changes if they are only <paramref name="dossier"/>'s and its new history rows; false (nothing written) otherwise.</summary>
    public static async Task<bool> TryWriteAsync(ProceduresDb db, NpgsqlTransaction tx, Dossier dossier, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        var detects = tracker.AutoDetectChangesEnabled;
        tracker.DetectChanges();
        tracker.AutoDetectChangesEnabled = false; // detected once above; each Entries() would detect again
        try
        {
            var written = Changes(tracker, dossier);
            if (written is null) return false;
            foreach (var entry in written) CleanTextOnSave.Clean(entry);
            await using var batch = new NpgsqlBatch(tx.Connection, tx);
            var events = new List<DossierEvent>();
            NpgsqlBatchCommand? update = null;
            foreach (var entry in written)
            {
                if (entry.Entity is DossierEvent e) { batch.BatchCommands.Add(Insert(e)); events.Add(e); }
                else if (ReferenceEquals(entry.Entity, dossier.Applicant)) continue; // its columns are the dossier row's
                else if (entry.State == EntityState.Added) batch.BatchCommands.Add(Insert(entry));
                else if (ReferenceEquals(entry.Entity, dossier))
                    batch.BatchCommands.Add(update = Update(entry, written.Find(w => ReferenceEquals(w.Entity, dossier.Applicant))));
            }
            var ids = new List<long>(events.Count);
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                // The reader skips the statements that return no rows: what it reads are the history rows' ids, in order.
                do
                {
                    while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt64(0));
                } while (await reader.NextResultAsync(ct));
            }
            for (var i = 0; i < ids.Count; i++) events[i].Id = ids[i];
            // The row is locked by the use case, so this only fails if something wrote it behind the lock: as SaveChanges would say.
            if (update is { RecordsAffected: not 1 })
                throw new DbUpdateConcurrencyException($"The dossier {dossier.Id} was changed by someone else.");
            foreach (var entry in written) if (entry.Entity is DossierEvent) entry.State = EntityState.Detached;
            tracker.AcceptAllChanges();
            return true;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detects;
        }
    }

    /// <summary>
    /// The entries to write, in the order to write them (the dossier before what refers to it); null when the context holds any other
    /// change, or a value the database would generate other than a history row's id.
    /// </summary>
    private static List<EntityEntry>? Changes(ChangeTracker tracker, Dossier dossier)
    {
        var dossierRows = new List<EntityEntry>();
        var others = new List<EntityEntry>();
        foreach (var entry in tracker.Entries())
        {
            var own = ReferenceEquals(entry.Entity, dossier) || ReferenceEquals(entry.Entity, dossier.Applicant);
            switch (entry.State)
            {
                case EntityState.Unchanged: continue;
                case EntityState.Modified when own: dossierRows.Add(entry); break;
                case EntityState.Added when own: dossierRows.Add(entry); break;
                case EntityState.Added when entry.Entity is DossierEvent:
                case EntityState.Added when entry.Entity is DossierDocument d && d.DossierId == dossier.Id && !entry.Properties.Any(p => p.IsTemporary):
                    others.Add(entry);
                    break;
                default: return null;
            }
        }
        // Dossier and applicant are one row: both added, or the dossier changed (the applicant's columns with it).
        var added = dossierRows.Count(e => e.State == EntityState.Added);
        if (dossierRows.All(e => !ReferenceEquals(e.Entity, dossier)) || (added != 0 && added != 2)) return null;
        return [.. dossierRows, .. others.OrderBy(e => e.Entity is DossierEvent)];
    }

    /// <summary><c>UPDATE</c> of the changed columns, on the revision the dossier was read with (its concurrency token).</summary>
    private static NpgsqlBatchCommand Update(EntityEntry row, EntityEntry? applicant)
    {
        var command = new NpgsqlBatchCommand();
        var set = new List<string>();
        foreach (var property in row.Properties.Concat(applicant?.Properties ?? []))
        {
            if (!property.IsModified) continue;
            set.Add($"{property.Metadata.GetColumnName()} = ${Add(command, property)}");
        }
        command.Parameters.Add(new NpgsqlParameter { Value = row.OriginalValues[nameof(Dossier.Id)] });
        command.Parameters.Add(new NpgsqlParameter { Value = row.OriginalValues[nameof(Dossier.Revision)] });
        var n = command.Parameters.Count;
        command.CommandText = $"UPDATE procedures.dossiers SET {string.Join(", ", set)} WHERE id = ${n - 1} AND revision = ${n}";
        return command;
    }

    /// <summary><c>INSERT</c> of every column of an added dossier (with its applicant's) or document.</summary>
    private static NpgsqlBatchCommand Insert(EntityEntry entry)
    {
        var command = new NpgsqlBatchCommand();
        var columns = new List<string>();
        var properties = entry.Entity is Dossier dossier
            ? entry.Properties.Concat(entry.Reference(nameof(Dossier.Applicant)).TargetEntry!.Properties.Where(p => !p.Metadata.IsPrimaryKey()))
            : entry.Properties;
        foreach (var property in properties)
        {
            Add(command, property);
            columns.Add(property.Metadata.GetColumnName());
        }
        var table = entry.Metadata.GetTableName();
        command.CommandText = $"INSERT INTO procedures.{table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})";
        return command;
    }

    /// <summary>The property's value as the database stores it (through its converter), as the next parameter; its number.</summary>
    private static int Add(NpgsqlBatchCommand command, PropertyEntry property)
    {
        var converter = property.Metadata.GetTypeMapping().Converter;
        var value = property.CurrentValue is { } v && converter is not null ? converter.ConvertToProvider(v) : property.CurrentValue;
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command.Parameters.Count;
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
