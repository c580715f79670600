using Engine.Runtime;
using Npgsql;
using Procedures.Dossiers;

namespace Procedures.Calendar;

/// <summary>
/// What every change of the calendar writes in its own transaction: a <c>NOTIFY</c> on <see cref="Channel"/> (PostgreSQL
/// delivers it at commit, to every process listening, and not at all on rollback) and, when due dates can move, the
/// <see cref="CalendarChanged"/> outbox row that asks one worker to recompute them.
/// </summary>
public static class CalendarChanges
{
    /// <summary>The channel every process's <see cref="CalendarChangeListener"/> listens on.</summary>
    public const string Channel = "iso_calendar_changed";

    /// <summary>Tells every process to reload its calendar and asks for the due dates <paramref name="change"/> moves to be recomputed.</summary>
    public static async Task RecordAsync(NpgsqlTransaction tx, CalendarChanged change, DateTimeOffset now, CancellationToken ct)
    {
        await EngineRows.AddOutboxAsync(tx, null, now, OutboxMessage.From(change), ct);
        await NotifyAsync(tx, change.Reason, ct);
    }

    /// <summary>Tells every process to reload its calendar (a change that moves no due date, e.g. a new unit's office hours).</summary>
    public static async Task NotifyAsync(NpgsqlTransaction tx, string reason, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_notify($1, $2)", tx.Connection, tx)
        {
            Parameters = { new() { Value = Channel }, new() { Value = reason.Length > 200 ? reason[..200] : reason } },
        };
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
