using System.Collections.Concurrent;
using System.Reflection;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// The columns of a table as EF's model maps them (names, converters, the owned applicant's columns in the dossier's row), for a use
/// case that reads and writes the dossier without EF's change tracker: taken from the model, so a column added to the entity is read
/// and written here too, with nothing to keep in step.
/// </summary>
internal sealed class DossierColumns
{
    private readonly Column[] _columns;

    /// <summary>The texts of <c>UPDATE</c> statements by the set of columns they write (<see cref="UpdateSql"/>): a use case changes the same few.</summary>
    private readonly ConcurrentDictionary<(UInt128 Columns, string Where), string> _updates = new();

    private DossierColumns(string table, Column[] columns)
    {
        // A set of columns is a 128-bit mask (ChangedSince).
        if (columns.Length > 128) throw new InvalidOperationException($"{table} has more than 128 columns.");
        (Table, _columns) = (table, columns);
        Select = string.Join(", ", columns.Select(c => c.Name));
        InsertSql = $"INSERT INTO {table} ({Select}) VALUES ({string.Join(", ", Enumerable.Range(1, columns.Length).Select(i => $"${i}"))})";
        DeleteSql = $"DELETE FROM {table} WHERE id = $1";
    }

    /// <summary>Inserts a row: every column, in order, as <c>$1</c>…</summary>
    public string InsertSql { get; }
    /// <summary>Deletes the row whose id is <c>$1</c>.</summary>
    public string DeleteSql { get; }

    /// <summary>
    /// <c>UPDATE</c> of the columns in <paramref name="changed"/> (<see cref="ChangedSince"/>), in order as <c>$(keys + 1)</c>…, where
    /// <paramref name="where"/> holds on the first <paramref name="keys"/> parameters.
    /// </summary>
    /// <remarks>
    /// One lookup: the text is made only on a miss, by a static factory (no closure per call). The cache is shared by every use case
    /// (one instance per table, held statically), so it stays a <see cref="ConcurrentDictionary{TKey,TValue}"/>; two callers missing
    /// the same set at once may both make the text, and one of the two equal texts is kept.
    /// </remarks>
    public string UpdateSql(UInt128 changed, string where, int keys) =>
        _updates.GetOrAdd((changed, where), static (key, state) => state.Columns.UpdateSqlOf(key.Columns, key.Where, state.Keys), (Columns: this, Keys: keys));

    private string UpdateSqlOf(UInt128 changed, string where, int keys)
    {
        var set = new List<string>();
        for (var i = 0; i < _columns.Length; i++)
            if ((changed & (UInt128.One << i)) != 0) set.Add($"{_columns[i].Name} = ${keys + set.Count + 1}");
        return $"UPDATE {Table} SET {string.Join(", ", set)} WHERE {where}";
    }

    /// <summary>The columns that differ from <paramref name="before"/>, as a mask (bit i: column i).</summary>
    public UInt128 ChangedSince(object entity, object?[] before)
    {
        var changed = UInt128.Zero;
        for (var i = 0; i < _columns.Length; i++)
            if (Changed(entity, before, i)) changed |= UInt128.One << i;
        return changed;
    }

    /// <summary>The schema-qualified table.</summary>
    public string Table { get; }
    /// <summary>The column list, in the order <see cref="Read"/> expects them.</summary>
    public string Select { get; }
    public int Count => _columns.Length;
    public string Name(int column) => _columns[column].Name;
    /// <summary>The column of the entity's own property <paramref name="property"/>.</summary>
    public int Index(string property) => Array.FindIndex(_columns, c => c.Property == property && !c.Owned);

    private static DossierColumns? _dossiers, _documents, _events;

    /// <summary>The dossier row: the dossier's properties, then its applicant's (an owned entity in the same row).</summary>
    public static DossierColumns Dossiers(IModel model) => _dossiers ??= Of(model.FindEntityType(typeof(Dossier))!, nameof(Dossier.Applicant));
    public static DossierColumns Documents(IModel model) => _documents ??= Of(model.FindEntityType(typeof(DossierDocument))!, null);
    public static DossierColumns Events(IModel model) => _events ??= Of(model.FindEntityType(typeof(DossierEvent))!, null);

    private static DossierColumns Of(IEntityType type, string? owned)
    {
        var columns = type.GetProperties().Where(p => !p.IsShadowProperty()).Select(p => new Column(p, null)).ToList();
        if (owned is not null)
        {
            var navigation = type.FindNavigation(owned)!;
            columns.AddRange(navigation.TargetEntityType.GetProperties().Where(p => !p.IsShadowProperty() && !p.IsPrimaryKey())
                .Select(p => new Column(p, navigation.PropertyInfo)));
        }
        return new DossierColumns($"{type.GetSchema()}.{type.GetTableName()}", [.. columns]);
    }

    /// <summary>A row read by a statement that selected <see cref="Select"/>, into <paramref name="into"/>.</summary>
    public T Read<T>(NpgsqlDataReader r, T into) where T : class
    {
        for (var i = 0; i < _columns.Length; i++) _columns[i].Set(into, _columns[i].Read(r, i));
        return into;
    }

    /// <summary>The values as they are now, to compare with later (<see cref="Changed"/>); lists are copied.</summary>
    public object?[] Snapshot(object entity)
    {
        var values = new object?[_columns.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = _columns[i].Get(entity);
            values[i] = value is List<string> list ? list.ToArray() : value;
        }
        return values;
    }

    /// <summary>Whether column <paramref name="column"/> differs from <paramref name="before"/>.</summary>
    public bool Changed(object entity, object?[] before, int column)
    {
        var (now, then) = (_columns[column].Get(entity), before[column]);
        return now is List<string> list ? then is not string[] old || !list.SequenceEqual(old) : !Equals(now, then);
    }

    /// <summary>The column's value as the database stores it, its text cleaned as <see cref="Persistence.CleanTextOnSave"/> would (and kept).</summary>
    public NpgsqlParameter Parameter(object entity, int column)
    {
        var c = _columns[column];
        var value = c.Get(entity);
        if (value is string text && CleanText.ForStorage(text, c.SingleLine) is var clean && clean != text) c.Set(entity, value = clean);
        if (value is not null && c.Converter is not null) value = c.Converter.ConvertToProvider(value);
        return ReusedParameters.Take(value);
    }

    /// <summary>Cleans the entity's texts as <see cref="Persistence.CleanTextOnSave"/> would for a row about to be added.</summary>
    public void Clean(object entity)
    {
        for (var i = 0; i < _columns.Length; i++)
            if (_columns[i].Get(entity) is string text && CleanText.ForStorage(text, _columns[i].SingleLine) is var clean && clean != text)
                _columns[i].Set(entity, clean);
    }

    private sealed class Column
    {
        private readonly PropertyInfo _property;
        private readonly PropertyInfo? _owner;
        private readonly Func<NpgsqlDataReader, int, object?> _read;

        public Column(IProperty property, PropertyInfo? owner)
        {
            (_property, _owner) = (property.PropertyInfo!, owner);
            Name = property.GetColumnName();
            Converter = property.GetTypeMapping().Converter;
            SingleLine = CleanText.IsSingleLine(property.Name);
            var stored = Converter?.ProviderClrType ?? property.ClrType;
            _read = ReadMethod.MakeGenericMethod(Nullable.GetUnderlyingType(stored) ?? stored).CreateDelegate<Func<NpgsqlDataReader, int, object?>>();
        }

        public string Name { get; }
        public string Property => _property.Name;
        public bool Owned => _owner is not null;
        public ValueConverter? Converter { get; }
        public bool SingleLine { get; }

        public object? Get(object entity) => _property.GetValue(_owner is null ? entity : _owner.GetValue(entity));

        public void Set(object entity, object? value) => _property.SetValue(_owner is null ? entity : _owner.GetValue(entity), value);

        public object? Read(NpgsqlDataReader r, int i)
        {
            var value = _read(r, i);
            return value is not null && Converter is not null ? Converter.ConvertFromProvider(value) : value;
        }

        private static readonly MethodInfo ReadMethod = typeof(Column).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;

        private static object? ReadAs<T>(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
    }
}
