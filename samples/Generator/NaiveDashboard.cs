using Npgsql;
using Procedures.Calendar;
using Procedures.Dossiers;
using Procedures.Statistics;

namespace Generator;

/// <summary>
/// The baseline: what a first implementation would do per request — read every dossier of the province that touches
/// the year straight from <c>dossiers</c> and judge each one with the calendar in memory. Same definitions as the
/// statistics, so the totals must agree.
/// </summary>
internal static class NaiveDashboard
{
    public sealed record Totals(int CarriedOver, int Received, int Finished, int Late, int Open, int Overdue);

    public static async Task<Totals> RunAsync(NpgsqlDataSource dataSource, VietnameseCalendar calendar, string rootPath, DateOnly from, DateOnly to)
    {
        var (start, end) = (Slices.Start(from), Slices.Start(to.AddDays(1)));
        var asOf = end < DateTimeOffset.UtcNow ? end : DateTimeOffset.UtcNow;
        await using var conn = await dataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT d.received_at, d.clock_started_at, coalesce(d.original_appointment_at, d.appointment_at), d.finished_at, d.result, d.receiving_unit_id
            FROM procedures.dossiers d JOIN procedures.units u ON u.id = d.processing_unit_id
            WHERE u.path LIKE $1 AND d.received_at < $3 AND (d.finished_at IS NULL OR d.finished_at >= $2)
            """, conn) { Parameters = { new() { Value = rootPath + "%" }, new() { Value = start }, new() { Value = end } } };
        await using var reader = await cmd.ExecuteReaderAsync();
        int carried = 0, received = 0, finished = 0, late = 0, open = 0, overdue = 0;
        var margin = new DossierSettings().EarlyMargin;
        while (await reader.ReadAsync())
        {
            var receivedAt = reader.GetFieldValue<DateTimeOffset>(0);
            DateTimeOffset? clock = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
            DateTimeOffset? appointment = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
            DateTimeOffset? finishedAt = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
            if (receivedAt < start) carried++; else received++;
            if (finishedAt is { } done && done < end)
            {
                if (reader.GetString(4) != nameof(DossierResult.Approved)) continue;
                finished++;
                var unit = reader.GetGuid(5).ToString();
                if (DossierTimeliness.Judge(calendar, done, appointment, margin, unit) == Timeliness.Late) late++;
                _ = calendar.WorkingHoursBetween(clock ?? receivedAt, done, unit); // the processing time a table shows
            }
            else if (receivedAt < asOf && (finishedAt is null || finishedAt >= asOf))
            {
                open++;
                if (clock < asOf && appointment < asOf) overdue++;
            }
        }
        return new Totals(carried, received, finished, late, open, overdue);
    }
}
