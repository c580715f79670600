using Npgsql;

namespace Engine.Runtime;

/// <summary>
/// The transaction one engine operation runs in: its own, or the caller's. In a caller's transaction the first batch the
/// operation sends begins with a savepoint, so a refusal after writing, or a database error such as a deadlock, undoes
/// the operation alone and leaves the caller's transaction usable, without a round trip spent on the savepoint.
/// </summary>
internal sealed class EngineTransaction(NpgsqlTransaction transaction, bool borrowed)
{
    private const string Savepoint = "engine_op";
    private bool _marked;
    private bool _rolledBack;

    public NpgsqlConnection Connection => transaction.Connection!;
    public NpgsqlTransaction Transaction => transaction;

    /// <summary>Whether the transaction is the caller's: then only the operation's savepoint may be rolled back.</summary>
    public bool Borrowed => borrowed;

    /// <summary>A batch on the transaction; the operation's first batch in a caller's transaction sets the savepoint.</summary>
    public NpgsqlBatch Batch()
    {
        var batch = new NpgsqlBatch(Connection, transaction);
        if (borrowed && !_marked)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {Savepoint}"));
            _marked = true;
        }
        return batch;
    }

    /// <summary>A batch holding one statement: what a single read or write needs.</summary>
    public NpgsqlBatch Batch(string sql, params object?[] values)
    {
        var batch = Batch();
        batch.BatchCommands.Add(InstanceStore.Command(sql, values));
        return batch;
    }

    /// <summary>Undoes what the operation wrote: back to its savepoint in a caller's transaction, the whole transaction otherwise.</summary>
    public async Task UndoAsync(CancellationToken ct)
    {
        if (!borrowed)
        {
            // A failed commit has already ended the transaction (and detached it from its connection).
            if (!_rolledBack && transaction.Connection is not null) await transaction.RollbackAsync(ct);
            _rolledBack = true;
        }
        else if (_marked)
        {
            await using var undo = new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {Savepoint}", Connection, transaction);
            await undo.ExecuteNonQueryAsync(ct);
        }
    }
}
