using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Statistics;

namespace Procedures.Quality;

/// <summary>One nonconformity per dossier of the subtree settled late in the period or still overdue now.</summary>
public sealed record RaiseOverdueNonconformities(Guid UnitId, DateOnly From, DateOnly To, DateOnly? DueOn = null);

/// <summary>
/// Overdue dossiers are nonconformities of the process (the ISO records of a one-stop shop list them). Each is raised
/// once, against the unit that caused the delay (named by the apology, else the processing unit); raising again for
/// an overlapping period skips the dossiers already raised.
/// </summary>
public sealed class RaiseOverdueNonconformitiesHandler(ProceduresDb db, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<DomainResult<IReadOnlyList<NonconformityView>>> HandleAsync(Actor actor, RaiseOverdueNonconformities request, CancellationToken ct = default)
    {
        if (StatisticsScope.CheckPeriod(request.From, request.To, clock.Today()) is { } badPeriod) return badPeriod;
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        var subtree = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(unit.Value!.Path)).Select(u => u.Id).ToArrayAsync(ct);
        var (start, end, now) = (Slices.Start(request.From), Slices.Start(request.To.AddDays(1)), clock.GetUtcNow());

        var overdue = new List<(Guid Dossier, string? Code, Guid Unit, DateTimeOffset? Appointment, bool Finished)>();
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        await using (var cmd = new NpgsqlCommand("""
            SELECT f.dossier_id, f.code, coalesce(f.delay_unit_id, f.processing_unit_id), f.appointment_at, f.finished_at IS NOT NULL
            FROM procedures.stat_dossier_facts f
            WHERE f.processing_unit_id = ANY($1)
              AND ((f.timeliness = 'Late' AND f.finished_at >= $2 AND f.finished_at < $3)
                   OR (f.finished_at IS NULL AND f.clock_started_at < $4 AND f.appointment_at < $4 AND f.received_at < $3))
              AND NOT EXISTS (SELECT 1 FROM procedures.nonconformities n WHERE n.dossier_id = f.dossier_id)
            ORDER BY f.received_at, f.dossier_id
            """, conn) { Parameters = { new() { Value = subtree }, new() { Value = start }, new() { Value = end }, new() { Value = now } } })
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                overdue.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetGuid(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4)));

        var raised = new List<Nonconformity>();
        foreach (var group in overdue.GroupBy(o => o.Unit))
        {
            var offset = 0;
            foreach (var o in group)
            {
                var due = o.Appointment is { } a ? $"hẹn trả {Forms.VietnameseFormat.DateAndTime(a)}" : "";
                var nc = await RaiseNonconformityHandler.NewAsync(db, group.Key, NonconformitySource.OverdueDossier,
                    o.Finished ? $"Hồ sơ {o.Code} trả kết quả quá hạn ({due})." : $"Hồ sơ {o.Code} đang quá hạn giải quyết ({due}).",
                    o.Code, actor.UserName, clock, ct, offset++);
                (nc.DossierId, nc.DueOn) = (o.Dossier, request.DueOn);
                db.Nonconformities.Add(nc);
                raised.Add(nc);
            }
        }
        await db.SaveChangesAsync(ct);
        var today = clock.Today();
        return raised.Select(n => NonconformityView.Of(n, today)).ToList();
    }
}
