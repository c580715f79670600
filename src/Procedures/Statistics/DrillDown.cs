using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Statistics;

/// <summary>A figure of a statistics table, as a drill-down names it.</summary>
public enum StatisticsFigure
{
    CarriedOver, Received, ReceivedCounter, ReceivedOnline, ReceivedPost, Finished, FinishedEarly, FinishedOnTime, FinishedLate,
    Refused, NotAccepted, Withdrawn, InProgressWithinTime, InProgressOverdue, AwaitingSupplement, SupplementRequests, DelayAttributed,
}

/// <summary>The dossiers behind one cell: the same period, grouping and filters as the table, the row's key and the figure.</summary>
public sealed record DrillDown(Guid UnitId, DateOnly From, DateOnly To, StatisticsFigure Figure,
    StatisticsGrouping GroupBy = StatisticsGrouping.ChildUnit, string? RowKey = null,
    Guid? ProcedureId = null, Guid? SectorId = null, string? Official = null, int Page = 1, int PageSize = 100);

public sealed record DrillDownDossier(Guid DossierId, string? Code, Guid ProcessingUnitId, Guid ProcedureId, string Official,
    DateTimeOffset ReceivedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? FinishedAt, string? Outcome, string? Timeliness, decimal? ProcessingDays);

public sealed record DrillDownPage(int TotalCount, int Page, int PageSize, IReadOnlyList<DrillDownDossier> Dossiers);

/// <summary>Lists the dossiers counted in a cell, from the fact rows with the predicates that define each figure.</summary>
public sealed class StatisticsDrillDownQuery(ProceduresDb db, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<DomainResult<DrillDownPage>> HandleAsync(Actor actor, DrillDown request, CancellationToken ct = default)
    {
        if (StatisticsScope.CheckPeriod(request.From, request.To, clock.Today()) is { } badPeriod) return badPeriod;
        if (request.Page < 1 || request.PageSize is < 1 or > 1000)
            return DomainError.Invalid("pageSize", "bad-page", "Trang hoặc cỡ trang không hợp lệ (1–1000).", "Page or page size out of range (1–1000).");
        var sectorId = request.SectorId;
        var otherSector = false;
        if (request.GroupBy == StatisticsGrouping.Sector && request.RowKey is { } sectorKey)
        {
            if (!Guid.TryParse(sectorKey, out var rowSector))
                return DomainError.Invalid("rowKey", "bad-row", "Dòng không thuộc bảng thống kê này.", "The row is not part of this table.");
            otherSector = sectorId is { } s && s != rowSector;
            sectorId = rowSector;
        }
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, request.ProcedureId, sectorId, request.Official, ct);
        if (resolved.Error is { } denied) return denied;
        var scope = otherSector ? resolved.Value! with { Procedures = [] } : resolved.Value!;
        var (from, to) = (request.From, request.To.AddDays(1));
        var units = scope.Units.Select(u => u.Id);
        var procedures = scope.Procedures;
        var official = scope.Official;
        if (request.RowKey is { } key)
        {
            var narrowed = Narrow(scope, request.GroupBy, key, ref from, ref to, ref procedures, ref official);
            if (narrowed.Error is { } badKey) return badKey;
            units = narrowed.Value!;
        }
        var filter = new StatFilter(units.ToArray(), procedures, official);
        var (start, end) = (Slices.Start(from), Slices.Start(to));
        var now = clock.GetUtcNow();
        var asOf = end < now ? end : now;
        var (unitColumn, predicate, at) = Predicate(request.Figure, start, end, asOf);
        var where = $"{unitColumn} = ANY($1) AND {predicate}{FactQueries.Filters(filter)}";

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var total = 0;
        await FactQueries.ReadAsync(conn, $"SELECT count(*) FROM procedures.stat_dossier_facts WHERE {where}", filter, [at, end],
            r => total = (int)r.GetInt64(0), ct);
        var rows = new List<DrillDownDossier>();
        await FactQueries.ReadAsync(conn, $"""
            SELECT dossier_id, code, processing_unit_id, procedure_id, official, received_at, appointment_at, finished_at, outcome, timeliness, processing_days
            FROM procedures.stat_dossier_facts WHERE {where}
            ORDER BY received_at, dossier_id LIMIT {request.PageSize} OFFSET {(request.Page - 1) * request.PageSize}
            """, filter, [at, end], r => rows.Add(new DrillDownDossier(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetGuid(2), r.GetGuid(3),
                r.GetString(4), r.GetFieldValue<DateTimeOffset>(5), Time(r, 6), Time(r, 7), r.IsDBNull(8) ? null : r.GetString(8),
                r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetDecimal(10))), ct);
        return new DrillDownPage(total, request.Page, request.PageSize, rows);
    }

    /// <summary>The unit column, the predicate (instant $4, end $5) and the instant for $4.</summary>
    private static (string Unit, string Predicate, DateTimeOffset At) Predicate(StatisticsFigure figure, DateTimeOffset start, DateTimeOffset end, DateTimeOffset asOf)
    {
        const string received = "received_at >= $4 AND received_at < $5";
        const string finished = "finished_at >= $4 AND finished_at < $5";
        const string unit = "processing_unit_id";
        return figure switch
        {
            StatisticsFigure.CarriedOver => (unit, FactQueries.OpenAt, start),
            StatisticsFigure.Received => (unit, received, start),
            StatisticsFigure.ReceivedCounter => (unit, $"{received} AND channel = 'Counter'", start),
            StatisticsFigure.ReceivedOnline => (unit, $"{received} AND channel = 'Online'", start),
            StatisticsFigure.ReceivedPost => (unit, $"{received} AND channel = 'Post'", start),
            StatisticsFigure.Finished => (unit, $"{finished} AND outcome = 'Approved'", start),
            StatisticsFigure.FinishedEarly => (unit, $"{finished} AND outcome = 'Approved' AND timeliness = 'Early'", start),
            StatisticsFigure.FinishedOnTime => (unit, $"{finished} AND outcome = 'Approved' AND timeliness IS DISTINCT FROM 'Early' AND timeliness IS DISTINCT FROM 'Late'", start),
            StatisticsFigure.FinishedLate => (unit, $"{finished} AND outcome = 'Approved' AND timeliness = 'Late'", start),
            StatisticsFigure.Refused => (unit, $"{finished} AND outcome = 'Refused'", start),
            StatisticsFigure.NotAccepted => (unit, $"{finished} AND outcome = 'NotAccepted'", start),
            StatisticsFigure.Withdrawn => (unit, $"{finished} AND outcome = 'Withdrawn'", start),
            StatisticsFigure.InProgressWithinTime => (unit, $"{FactQueries.OpenAt} AND {FactQueries.WithinTime}", asOf),
            StatisticsFigure.InProgressOverdue => (unit, $"{FactQueries.OpenAt} AND {FactQueries.Overdue}", asOf),
            StatisticsFigure.AwaitingSupplement => (unit, $"{FactQueries.OpenAt} AND {FactQueries.Awaiting}", asOf),
            StatisticsFigure.SupplementRequests => (unit, "supplement_requested_at >= $4 AND supplement_requested_at < $5", start),
            _ => ("delay_unit_id", finished, start),
        };
    }

    private static DomainResult<IEnumerable<Guid>> Narrow(StatisticsScope scope, StatisticsGrouping groupBy, string key,
        ref DateOnly from, ref DateOnly to, ref Guid[]? procedures, ref string? official)
    {
        var units = scope.Units.Select(u => u.Id);
        var badKey = DomainError.Invalid("rowKey", "bad-row", "Dòng không thuộc bảng thống kê này.", "The row is not part of this table.");
        switch (groupBy)
        {
            case StatisticsGrouping.ChildUnit:
                if (!Guid.TryParse(key, out var childId)) return badKey;
                if (childId == scope.Root.Id)
                    return DomainResult<IEnumerable<Guid>>.Ok([scope.Root.Id]);
                if (scope.Children.FirstOrDefault(c => c.Id == childId) is not { } child) return badKey;
                return DomainResult<IEnumerable<Guid>>.Ok(scope.Subtree(child).ToList());
            case StatisticsGrouping.Unit:
                if (!Guid.TryParse(key, out var unitId) || scope.Units.All(u => u.Id != unitId)) return badKey;
                return DomainResult<IEnumerable<Guid>>.Ok([unitId]);
            case StatisticsGrouping.Procedure:
                if (!Guid.TryParse(key, out var procedureId)) return badKey;
                procedures = procedures is null || procedures.Contains(procedureId) ? [procedureId] : [];
                return DomainResult<IEnumerable<Guid>>.Ok(units);
            case StatisticsGrouping.Sector:
                if (!Guid.TryParse(key, out _)) return badKey;
                return DomainResult<IEnumerable<Guid>>.Ok(units); // resolved by the caller through SectorId
            case StatisticsGrouping.Official:
                official = official is null || official == key ? key : "\u0001";
                return DomainResult<IEnumerable<Guid>>.Ok(units);
            default:
                if (!DateOnly.TryParseExact(key, "yyyy-MM-dd", out var month) || month < from || month >= to) return badKey;
                var monthEnd = new DateOnly(month.Year, month.Month, 1).AddMonths(1);
                (from, to) = (month, monthEnd < to ? monthEnd : to);
                return DomainResult<IEnumerable<Guid>>.Ok(units);
        }
    }

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
