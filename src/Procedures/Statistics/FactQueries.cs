using Npgsql;

namespace Procedures.Statistics;

/// <summary>What a figure is grouped by in SQL before the roll-ups in memory.</summary>
internal enum Dim { Unit, Procedure, Official }

/// <summary>
/// The figures straight from the fact rows, for any period (the summaries serve only half-month boundaries). The
/// predicates here are the definitions that <see cref="Contributions"/> implements for the summaries.
/// </summary>
internal static class FactQueries
{
    public static string Key(Dim dim, bool delay = false) => dim switch
    {
        Dim.Unit => delay ? "delay_unit_id::text" : "processing_unit_id::text",
        Dim.Procedure => "procedure_id::text",
        _ => "official",
    };

    /// <summary>Filters after the unit list ($1); procedures are $2 and the official $3 when present.</summary>
    public static string Filters(StatFilter f) =>
        (f.Procedures is null ? "" : " AND procedure_id = ANY($2)") + (f.Official is null ? "" : " AND official = $3");

    public static void Bind(NpgsqlCommand cmd, StatFilter f, params object[] more)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = f.Units });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)f.Procedures ?? Array.Empty<Guid>() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = f.Official ?? "" });
        foreach (var value in more) cmd.Parameters.Add(new NpgsqlParameter { Value = value });
    }

    /// <summary>Open at an instant ($4): received before it and not finished before it.</summary>
    public const string OpenAt = "received_at < $4 AND (finished_at IS NULL OR finished_at >= $4)";
    public const string Awaiting = "(clock_started_at IS NULL OR clock_started_at >= $4)";
    public const string Overdue = "clock_started_at < $4 AND appointment_at < $4";
    public const string WithinTime = "clock_started_at < $4 AND (appointment_at IS NULL OR appointment_at >= $4)";

    public static async Task FlowsAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateTimeOffset from, DateTimeOffset to,
        Dictionary<string, FigureSums> rows, CancellationToken ct)
    {
        var k = Key(dim);
        await ReadAsync(conn, $"""
            SELECT {k}, count(*) FILTER (WHERE channel = 'Counter'), count(*) FILTER (WHERE channel = 'Online'),
                   count(*) FILTER (WHERE channel = 'Post'), count(*) FILTER (WHERE has_fee),
                   count(*) FILTER (WHERE has_fee AND channel = 'Online'), count(*) FILTER (WHERE digitised)
            FROM procedures.stat_dossier_facts
            WHERE processing_unit_id = ANY($1) AND received_at >= $4 AND received_at < $5{Filters(f)} GROUP BY 1
            """, f, [from, to], r =>
        {
            var s = rows.At(r.GetString(0));
            (s.ReceivedCounter, s.ReceivedOnline, s.ReceivedPost) = (r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            (s.ReceivedWithFee, s.ReceivedWithFeeOnline, s.ReceivedDigitised) = (r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));
        }, ct);
        await ReadAsync(conn, $"""
            SELECT {k}, outcome, coalesce(timeliness, ''), coalesce(duration_bucket, -1), count(*), coalesce(sum(processing_days), 0)
            FROM procedures.stat_dossier_facts
            WHERE processing_unit_id = ANY($1) AND finished_at >= $4 AND finished_at < $5{Filters(f)} GROUP BY 1, 2, 3, 4
            """, f, [from, to], r =>
        {
            var s = rows.At(r.GetString(0));
            var n = r.GetInt64(4);
            switch (r.GetString(1))
            {
                case nameof(FactOutcome.Approved):
                    switch (r.GetString(2))
                    {
                        case "Early": s.FinishedEarly += n; break;
                        case "Late": s.FinishedLate += n; break;
                        default: s.FinishedOnTime += n; break;
                    }
                    break;
                case nameof(FactOutcome.Refused): s.Refused += n; break;
                case nameof(FactOutcome.NotAccepted): s.NotAccepted += n; break;
                default: s.Withdrawn += n; break;
            }
            if (r.GetInt32(3) is >= 0 and var bucket) s.Durations[bucket] += n;
            s.ProcessingDaysSum += r.GetDecimal(5);
        }, ct);
        await ReadAsync(conn, $"""
            SELECT {k}, count(*) FROM procedures.stat_dossier_facts
            WHERE processing_unit_id = ANY($1) AND supplement_requested_at >= $4 AND supplement_requested_at < $5{Filters(f)} GROUP BY 1
            """, f, [from, to], r => rows.At(r.GetString(0)).SupplementRequests += r.GetInt64(1), ct);
    }

    public static Task DelaysAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateTimeOffset from, DateTimeOffset to,
        Dictionary<string, FigureSums> rows, CancellationToken ct) =>
        ReadAsync(conn, $"""
            SELECT {Key(dim, delay: true)}, count(*) FROM procedures.stat_dossier_facts
            WHERE delay_unit_id = ANY($1) AND finished_at >= $4 AND finished_at < $5{Filters(f)} GROUP BY 1
            """, f, [from, to], r => rows.At(r.GetString(0)).DelayAttributed += r.GetInt64(1), ct);

    /// <summary>Dossiers open at <paramref name="at"/>: as carried over (all states together) or by state.</summary>
    public static Task OpenAtAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateTimeOffset at, bool carried,
        Dictionary<string, FigureSums> rows, CancellationToken ct) =>
        ReadAsync(conn, $"""
            SELECT {Key(dim)}, count(*) FILTER (WHERE {WithinTime}), count(*) FILTER (WHERE {Overdue}), count(*) FILTER (WHERE {Awaiting})
            FROM procedures.stat_dossier_facts
            WHERE processing_unit_id = ANY($1) AND {OpenAt}{Filters(f)} GROUP BY 1
            """, f, [at], r => AddOpen(rows.At(r.GetString(0)), carried, r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);

    public static void AddOpen(FigureSums s, bool carried, long within, long overdue, long awaiting)
    {
        if (carried) s.CarriedOver += within + overdue + awaiting;
        else (s.OpenWithinTime, s.OpenOverdue, s.OpenAwaitingSupplement) = (s.OpenWithinTime + within, s.OpenOverdue + overdue, s.OpenAwaitingSupplement + awaiting);
    }

    public static async Task ReadAsync(NpgsqlConnection conn, string sql, StatFilter f, object[] more, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        Bind(cmd, f, more);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) row(reader);
    }
}
