using Npgsql;
using NpgsqlTypes;

namespace Engine.Runtime;

/// <summary>
/// Parameter objects kept for reuse across transitions: a transition sends some forty values, and a new
/// <see cref="NpgsqlParameter"/> for each was a third of what it allocated. A batch that has run to the end gives its
/// parameters back (<see cref="GiveBack"/>); a batch that failed keeps them, and they are simply collected. Only parameter
/// objects are kept, never commands: a command carries its connection's prepared statement with it. Public so that a caller's own
/// statements in the transaction it shares with the engine (a use case's reads and writes) reuse them as well.
/// <para>
/// Each thread keeps its own small stack, so taking and giving back take no lock; a thread whose stack runs empty fetches a
/// handful from the shared stack, and one whose stack fills up hands a handful over to it, one lock per handful. (A single
/// shared stack behind one lock was taken some thirty times a transition, by every caller.) An async operation may give back
/// on another thread than it took on; the shared stack evens that out. A parameter is in exactly one place at a time: a
/// command, one thread's stack or the shared stack.
/// </para>
/// </summary>
public static class ReusedParameters
{
    private const int Kept = 4096;
    private const int PerThread = 128;
    private const int Handful = PerThread / 2;
    private static readonly NpgsqlParameter[] Shared = new NpgsqlParameter[Kept];
    private static readonly Lock Gate = new();
    private static int _shared;
    [ThreadStatic] private static NpgsqlParameter[]? _local;
    [ThreadStatic] private static int _count;
    [ThreadStatic] private static List<NpgsqlParameter>? _returning;

    /// <summary>A parameter holding <paramref name="value"/> (null: NULL), sent as <paramref name="type"/> or as its CLR type maps.</summary>
    public static NpgsqlParameter Take(object? value, NpgsqlDbType? type = null)
    {
        var local = _local ??= new NpgsqlParameter[PerThread];
        if (_count == 0) _count = Fetch(local);
        NpgsqlParameter parameter;
        if (_count > 0)
        {
            parameter = local[--_count];
            local[_count] = null!;
            parameter.ResetDbType();
        }
        else parameter = new NpgsqlParameter();
        if (type is { } t) parameter.NpgsqlDbType = t;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>Takes back the parameters of every command of a batch that has run to the end (its reader, if any, closed).</summary>
    public static void GiveBack(NpgsqlBatch batch)
    {
        var local = _local ??= new NpgsqlParameter[PerThread];
        var returning = _returning ??= [];
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                // Values are let go at once (a jsonb text may be large).
                parameter.Value = DBNull.Value;
                returning.Add(parameter);
            }
            // Detached from the command before another thread can take them from the shared stack.
            command.Parameters.Clear();
        }
        foreach (var parameter in returning)
        {
            if (_count == PerThread) _count = HandOver(local);
            local[_count++] = parameter;
        }
        returning.Clear();
    }

    /// <summary>Moves up to a handful from the shared stack to this thread's (empty) one; returns how many.</summary>
    private static int Fetch(NpgsqlParameter[] local)
    {
        lock (Gate)
        {
            var n = Math.Min(Handful, _shared);
            for (var i = 0; i < n; i++)
            {
                local[i] = Shared[--_shared];
                Shared[_shared] = null!;
            }
            return n;
        }
    }

    /// <summary>Moves the top handful of this thread's (full) stack to the shared one (or lets it go when that is full); returns what is left.</summary>
    private static int HandOver(NpgsqlParameter[] local)
    {
        var left = PerThread - Handful;
        lock (Gate)
            for (var i = left; i < PerThread; i++)
            {
                if (_shared < Kept) Shared[_shared++] = local[i];
                local[i] = null!;
            }
        return left;
    }
}
