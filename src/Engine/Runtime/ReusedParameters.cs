using Npgsql;
using NpgsqlTypes;

namespace Engine.Runtime;

/// <summary>
/// Parameter objects kept for reuse across transitions: a transition sends some forty values, and a new
/// <see cref="NpgsqlParameter"/> for each was a third of what it allocated. A batch that has run to the end gives its
/// parameters back (<see cref="GiveBack"/>); a batch that failed keeps them, and they are simply collected. Only parameter
/// objects are kept, never commands: a command carries its connection's prepared statement with it. Public so that a caller's own
/// statements in the transaction it shares with the engine (a use case's reads and writes) reuse them as well.
/// </summary>
public static class ReusedParameters
{
    private const int Kept = 4096;
    private static readonly NpgsqlParameter[] Stack = new NpgsqlParameter[Kept];
    private static readonly Lock Gate = new();
    private static int _count;
    [ThreadStatic] private static List<NpgsqlParameter>? _returning;

    /// <summary>A parameter holding <paramref name="value"/> (null: NULL), sent as <paramref name="type"/> or as its CLR type maps.</summary>
    public static NpgsqlParameter Take(object? value, NpgsqlDbType? type = null)
    {
        NpgsqlParameter? parameter = null;
        lock (Gate)
            if (_count > 0)
            {
                parameter = Stack[--_count];
                Stack[_count] = null!;
            }
        if (parameter is null) parameter = new NpgsqlParameter();
        else parameter.ResetDbType();
        if (type is { } t) parameter.NpgsqlDbType = t;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>Takes back the parameters of every command of a batch that has run to the end (its reader, if any, closed).</summary>
    public static void GiveBack(NpgsqlBatch batch)
    {
        var returning = _returning ??= [];
        returning.Clear();
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            foreach (NpgsqlParameter parameter in command.Parameters) returning.Add(parameter);
            command.Parameters.Clear();
        }
        // Values are let go at once (a jsonb text may be large).
        foreach (var parameter in returning) parameter.Value = DBNull.Value;
        lock (Gate)
            foreach (var parameter in returning)
            {
                if (_count == Kept) break;
                Stack[_count++] = parameter;
            }
        returning.Clear();
    }
}
