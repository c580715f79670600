using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace Engine.Runtime;

/// <summary>
/// A multi-row <c>INSERT … VALUES</c> for the rows of one transition (one to three per table, as a rule). Values every row of
/// a plan shares (the instance, the time) are sent once and constants are written into the text, so a row costs only its
/// own parameters; plain values cost the server no array decoding, function scan or sort, as <c>unnest</c> with ordinality
/// did. A null is written as <c>NULL</c> in the text rather than sent. Rows are inserted, and take their serial ids, in the
/// order given. The text depends only on the row count and which values are null, so each shape is prepared once per
/// connection.
/// </summary>
internal sealed class RowsInsert
{
    private readonly string _table;
    private readonly (string Name, NpgsqlDbType Type)[] _shared;
    private readonly (string Name, NpgsqlDbType Type)[] _own;
    private readonly (string Name, string Sql)[] _constant;
    private readonly ConcurrentDictionary<(int Rows, ulong Nulls), string> _sql = new();

    /// <param name="table">The table.</param>
    /// <param name="shared">Columns with one value for every row, sent once (the first parameters).</param>
    /// <param name="own">Columns with a value per row.</param>
    /// <param name="constant">Columns with the same SQL literal in every row of every plan.</param>
    public RowsInsert(string table, (string, NpgsqlDbType)[] shared, (string, NpgsqlDbType)[] own, (string, string)[] constant)
    {
        (_table, _shared, _own, _constant) = (table, shared, own, constant);
    }

    /// <summary>
    /// A statement for <paramref name="rows"/>: <paramref name="shared"/> are the shared columns' values, <paramref name="fill"/> adds
    /// each row's own values in column order.
    /// </summary>
    public NpgsqlBatchCommand Command<T>(IReadOnlyList<T> rows, object?[] shared, Action<T, Values> fill)
    {
        var command = new NpgsqlBatchCommand();
        var values = new Values(command.Parameters, this, new ulong[1], new int[1]);
        for (var i = 0; i < _shared.Length; i++) values.Put(shared[i], _shared[i].Type);
        foreach (var row in rows) fill(row, values);
        // Beyond 64 values the nulls are sent as parameters too (shapes past that are rare enough not to matter).
        command.CommandText = _sql.GetOrAdd((rows.Count, values.Nulls), static (key, insert) => insert.Sql(key.Rows, key.Nulls), this);
        return command;
    }

    private string Sql(int rows, ulong nulls)
    {
        var columns = _shared.Select(c => c.Name).Concat(_own.Select(c => c.Name)).Concat(_constant.Select(c => c.Name));
        var sql = new System.Text.StringBuilder($"INSERT INTO {_table} ({string.Join(", ", columns)}) VALUES ");
        var (value, parameter) = (0, 0);
        // Typed, because a column that is NULL in every row of a multi-row VALUES would otherwise be taken as text.
        string Next(NpgsqlDbType type)
        {
            var at = value++;
            return at < 64 && (nulls & (1UL << at)) != 0 ? $"NULL::{SqlType(type)}" : $"${++parameter}";
        }
        var shared = _shared.Select(c => Next(c.Type)).ToList();
        for (var r = 0; r < rows; r++)
        {
            var row = shared.Concat(_own.Select(c => Next(c.Type)).ToList()).Concat(_constant.Select(c => c.Sql));
            sql.Append(r == 0 ? "(" : ", (").AppendJoin(", ", row).Append(')');
        }
        return sql.ToString();
    }

    private static string SqlType(NpgsqlDbType type) => type switch
    {
        NpgsqlDbType.Uuid => "uuid", NpgsqlDbType.Text => "text", NpgsqlDbType.TimestampTz => "timestamptz", NpgsqlDbType.Jsonb => "jsonb",
        NpgsqlDbType.Integer => "integer", _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No SQL name for this column type."),
    };

    /// <summary>Adds one row's own values, each typed as its column; a null among the first 64 values goes into the text.</summary>
    internal readonly struct Values(NpgsqlParameterCollection parameters, RowsInsert insert, ulong[] nulls, int[] count)
    {
        public ulong Nulls => nulls[0];

        public Values Add(object? value)
        {
            var own = insert._own;
            Put(value, own[(count[0] - insert._shared.Length) % own.Length].Type);
            return this;
        }

        internal void Put(object? value, NpgsqlDbType type)
        {
            var at = count[0]++;
            if (value is null && at < 64) nulls[0] |= 1UL << at;
            else parameters.Add(ReusedParameters.Take(value, type));
        }
    }
}
