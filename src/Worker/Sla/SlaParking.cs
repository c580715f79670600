using Npgsql;

namespace Worker.Sla;

/// <summary>
/// A subject the sweep cannot alert because of its own data (its thresholds cannot be computed, or its alerts are refused by
/// the database as data: a title too long, a value out of range) would fail again on every sweep and be logged every five
/// minutes. It is parked instead: an alert row of threshold <see cref="Thresholds.Parked"/> for its due time, holding the
/// error, which later sweeps skip, and an error in the log for the operator. Deleting the row (or a new due time) puts the
/// subject back in the sweep. A failure that may pass (the connection, a timeout) is not parked: the next sweep tries again.
/// </summary>
public static class SlaParking
{
    public static bool IsPoison(Exception e) =>
        e is PostgresException { SqlState: var state } ? state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal)
            : e is not (NpgsqlException or TimeoutException or OperationCanceledException);

    public static async Task ParkAsync(NpgsqlDataSource dataSource, SlaSubject subject, Exception error, DateTimeOffset now, CancellationToken ct)
    {
        var text = $"{error.GetType().Name}: {error.Message}";
        await using var park = dataSource.CreateCommand("""
            INSERT INTO notifications.sla_alerts (subject_id, threshold, due_at, subject_kind, raised_at, notified_to)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
            """);
        foreach (var value in new object[] { subject.Id, Thresholds.Parked, subject.DueAt, subject.Kind, now, text.Length > 1000 ? text[..1000] : text })
            park.Parameters.Add(new() { Value = value });
        await park.ExecuteNonQueryAsync(ct);
    }
}
