using Npgsql;

namespace Procedures.Statistics;

/// <summary>
/// Moves the open dossiers from one instant to a later one: a dossier's state (not open, within time, overdue,
/// awaiting a supplement) can only change between $4 and $5 when its reception, result, clock start or appointment
/// falls between them, so the open figures at $5 are those at $4 plus the changes of those dossiers alone.
/// Each of the four times has its own index by unit, so a half-month reads a half-month of rows, not the table.
/// </summary>
internal static class OpenDeltas
{
    private static string State(string at, string state) => state switch
    {
        "within" => $"(received_at < {at} AND (finished_at IS NULL OR finished_at >= {at}) AND clock_started_at < {at} AND (appointment_at IS NULL OR appointment_at >= {at}))::int",
        "overdue" => $"(received_at < {at} AND (finished_at IS NULL OR finished_at >= {at}) AND clock_started_at < {at} AND appointment_at < {at})::int",
        _ => $"(received_at < {at} AND (finished_at IS NULL OR finished_at >= {at}) AND (clock_started_at IS NULL OR clock_started_at >= {at}))::int",
    };

    private static string Change(string state) => $"sum({State("$5", state)} - {State("$4", state)})::bigint";

    private static string Moved(string column) => $"processing_unit_id = ANY($1) AND {column} >= $4 AND {column} < $5";

    public static Task AddAsync(NpgsqlConnection conn, StatFilter f, Dim dim, DateTimeOffset from, DateTimeOffset to, bool carried,
        Dictionary<string, FigureSums> rows, CancellationToken ct) =>
        FactQueries.ReadAsync(conn, $"""
            SELECT {FactQueries.Key(dim)}, {Change("within")}, {Change("overdue")}, {Change("awaiting")}
            FROM procedures.stat_dossier_facts
            WHERE (({Moved("received_at")}) OR ({Moved("finished_at")}) OR ({Moved("clock_started_at")}) OR ({Moved("appointment_at")})){FactQueries.Filters(f)}
            GROUP BY 1
            """, f, [from, to], r =>
        {
            var (within, overdue, awaiting) = (r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
            if (within != 0 || overdue != 0 || awaiting != 0) FactQueries.AddOpen(rows.At(r.GetString(0)), carried, within, overdue, awaiting);
        }, ct);
}
