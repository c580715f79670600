using Npgsql;
using NpgsqlTypes;
using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Procedures.Statistics;

/// <summary>Reads and writes <c>stat_dossier_facts</c> with Npgsql: the refresher moves thousands of rows at a time.</summary>
internal static class FactRows
{
    public const string Columns = """
        dossier_id, code, processing_unit_id, procedure_id, official, channel, received_at, received_slice, clock_started_at,
        appointment_at, finished_at, finished_slice, outcome, timeliness, processing_days, duration_bucket,
        supplement_requested_at, supplement_slice, delay_unit_id, has_fee, digitised
        """;

    public static DossierFact Read(NpgsqlDataReader r, int o = 0) => new()
    {
        DossierId = r.GetGuid(o), Code = r.IsDBNull(o + 1) ? null : r.GetString(o + 1), ProcessingUnitId = r.GetGuid(o + 2),
        ProcedureId = r.GetGuid(o + 3), Official = r.GetString(o + 4), Channel = Enum.Parse<Channel>(r.GetString(o + 5)),
        ReceivedAt = r.GetFieldValue<DateTimeOffset>(o + 6), ReceivedSlice = r.GetFieldValue<DateOnly>(o + 7),
        ClockStartedAt = Time(r, o + 8), AppointmentAt = Time(r, o + 9), FinishedAt = Time(r, o + 10),
        FinishedSlice = r.IsDBNull(o + 11) ? null : r.GetFieldValue<DateOnly>(o + 11),
        Outcome = r.IsDBNull(o + 12) ? null : Enum.Parse<FactOutcome>(r.GetString(o + 12)),
        Timeliness = r.IsDBNull(o + 13) ? null : Enum.Parse<Timeliness>(r.GetString(o + 13)),
        ProcessingDays = r.IsDBNull(o + 14) ? null : r.GetDecimal(o + 14), DurationBucket = r.IsDBNull(o + 15) ? null : r.GetInt16(o + 15),
        SupplementRequestedAt = Time(r, o + 16), SupplementSlice = r.IsDBNull(o + 17) ? null : r.GetFieldValue<DateOnly>(o + 17),
        DelayUnitId = r.IsDBNull(o + 18) ? null : r.GetGuid(o + 18), HasFee = r.GetBoolean(o + 19), Digitised = r.GetBoolean(o + 20),
    };

    public static async Task<List<DossierFact>> ListAsync(NpgsqlConnection conn, string where, Action<NpgsqlParameterCollection> bind, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT {Columns} FROM procedures.stat_dossier_facts WHERE {where}", conn);
        bind(cmd.Parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var facts = new List<DossierFact>();
        while (await reader.ReadAsync(ct)) facts.Add(Read(reader));
        return facts;
    }

    /// <summary>Binary COPY into <paramref name="table"/> (the facts table itself, or a temporary copy of its shape).</summary>
    public static async Task CopyAsync(NpgsqlConnection conn, string table, IEnumerable<DossierFact> facts, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        copy.Timeout = TimeSpan.FromMinutes(30);
        foreach (var f in facts)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(f.DossierId, NpgsqlDbType.Uuid, ct);
            await Nullable(copy, f.Code, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.ProcessingUnitId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(f.ProcedureId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(f.Official, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.Channel.ToString(), NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(f.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(f.ReceivedSlice, NpgsqlDbType.Date, ct);
            await Nullable(copy, f.ClockStartedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, f.AppointmentAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, f.FinishedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, f.FinishedSlice, NpgsqlDbType.Date, ct);
            await Nullable(copy, f.Outcome?.ToString(), NpgsqlDbType.Varchar, ct);
            await Nullable(copy, f.Timeliness?.ToString(), NpgsqlDbType.Varchar, ct);
            await Nullable(copy, f.ProcessingDays, NpgsqlDbType.Numeric, ct);
            await Nullable(copy, f.DurationBucket, NpgsqlDbType.Smallint, ct);
            await Nullable(copy, f.SupplementRequestedAt, NpgsqlDbType.TimestampTz, ct);
            await Nullable(copy, f.SupplementSlice, NpgsqlDbType.Date, ct);
            await Nullable(copy, f.DelayUnitId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(f.HasFee, NpgsqlDbType.Boolean, ct);
            await copy.WriteAsync(f.Digitised, NpgsqlDbType.Boolean, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : class =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
