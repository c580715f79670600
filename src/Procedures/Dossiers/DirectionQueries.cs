using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>Where a direction stands: re-directed (superseded), the dossier finished on or after the direction's due time, or still open.</summary>
public enum DirectionState { InProgress, Overdue, DoneOnTime, DoneLate, Redirected }

/// <summary>A direction the leader gave (Hồ sơ tôi chỉ đạo), with the dossier's state, current steps and who holds them.</summary>
public sealed record DirectionView(
    Guid Id, Guid DossierId, string? DossierCode, string ProcedureName, string ApplicantName, DossierStatus DossierStatus,
    DateTimeOffset DirectedAt, Guid? SectionId, string? SectionName, string? Specialist, string? SpecialistName, string Instructions,
    DateTimeOffset? DueAt, DateTimeOffset? SupersededAt, DirectionState State, IReadOnlyList<string> CurrentSteps, IReadOnlyList<string> HeldBy);

/// <summary>Reads of the directions: a leader's own list, newest and most urgent first.</summary>
public sealed class DirectionQueries(ProceduresDb db, TimeProvider clock)
{
    public const int MaxRows = 500;

    /// <summary>The directions <paramref name="directedBy"/> gave; superseded ones too when <paramref name="includeRedirected"/>.</summary>
    public async Task<IReadOnlyList<DirectionView>> MineAsync(string directedBy, bool includeRedirected = false, CancellationToken ct = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand($"""
                SELECT dr.id, dr.dossier_id, d.code, p.name, d.applicant_name, d.status, dr.directed_at, dr.section_id, s.name, dr.specialist,
                       o.full_name, dr.instructions, dr.due_at, dr.superseded_at, d.finished_at,
                       ARRAY(SELECT coalesce(w.title, w.step_id) FROM {EngineReadModel.WorkItems} w
                             WHERE w.instance_id = d.workflow_instance_id AND w.status = 'Open' ORDER BY w.created_at),
                       ARRAY(SELECT DISTINCT coalesce(ho.full_name, coalesce(w.claimed_by, w.assignee)) FROM {EngineReadModel.WorkItems} w
                             LEFT JOIN procedures.officials ho ON ho.user_name = coalesce(w.claimed_by, w.assignee)
                             WHERE w.instance_id = d.workflow_instance_id AND w.status = 'Open' AND coalesce(w.claimed_by, w.assignee) IS NOT NULL)
                FROM procedures.directions dr
                JOIN procedures.dossiers d ON d.id = dr.dossier_id
                JOIN procedures.procedures p ON p.id = d.procedure_id
                LEFT JOIN procedures.units s ON s.id = dr.section_id
                LEFT JOIN procedures.officials o ON o.user_name = dr.specialist
                WHERE dr.directed_by = $1 AND ($2 OR dr.superseded_at IS NULL)
                ORDER BY dr.superseded_at IS NOT NULL, d.finished_at IS NOT NULL, dr.due_at NULLS LAST, dr.directed_at DESC
                LIMIT {MaxRows}
                """, connection)
            {
                Parameters = { new() { Value = directedBy }, new() { Value = includeRedirected } },
            };
            var now = clock.GetUtcNow();
            var rows = new List<DirectionView>();
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                DateTimeOffset? due = r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12);
                DateTimeOffset? superseded = r.IsDBNull(13) ? null : r.GetFieldValue<DateTimeOffset>(13);
                DateTimeOffset? finished = r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14);
                var state = superseded is not null ? DirectionState.Redirected
                    : finished is { } f ? (due is { } d1 && f > d1 ? DirectionState.DoneLate : DirectionState.DoneOnTime)
                    : due is { } d2 && d2 < now ? DirectionState.Overdue : DirectionState.InProgress;
                rows.Add(new DirectionView(r.GetGuid(0), r.GetGuid(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4),
                    Enum.Parse<DossierStatus>(r.GetString(5)), r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetGuid(7),
                    r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                    r.GetString(11), due, superseded, state, r.GetFieldValue<string[]>(15), r.GetFieldValue<string[]>(16)));
            }
            return rows;
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
