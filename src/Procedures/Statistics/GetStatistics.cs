using Microsoft.EntityFrameworkCore;
using Npgsql;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Statistics;

/// <summary>How the rows of a statistics table are cut.</summary>
public enum StatisticsGrouping
{
    /// <summary>One row per direct child of the unit, each rolling up its subtree, plus the unit's own dossiers.</summary>
    ChildUnit,
    /// <summary>One row per unit of the subtree that has figures.</summary>
    Unit,
    Procedure,
    Sector,
    /// <summary>The handling official (the specialist assigned, else the receiving clerk).</summary>
    Official,
    /// <summary>One row per calendar month of the period (the ends clipped to the period).</summary>
    Month,
}

/// <summary>Statistics of the unit's subtree for the days <paramref name="From"/> to <paramref name="To"/> inclusive (Vietnam time).</summary>
public sealed record GetStatistics(Guid UnitId, DateOnly From, DateOnly To, StatisticsGrouping GroupBy = StatisticsGrouping.ChildUnit,
    Guid? ProcedureId = null, Guid? SectorId = null, string? Official = null);

/// <param name="Key">What a drill-down passes back as its row key: a unit or procedure id, a sector id, a user name, a month's first day.</param>
public sealed record StatisticsRow(string Key, string? Code, string Name, StatisticsFigures Figures);

public sealed record StatisticsReport(Guid UnitId, string UnitCode, string UnitName, DateOnly From, DateOnly To, StatisticsGrouping GroupBy,
    DateTimeOffset AsOf, DateTimeOffset? RefreshedAt, bool FromSummaries, IReadOnlyList<StatisticsRow> Rows, StatisticsFigures Total);

public sealed class StatisticsQuery(ProceduresDb db, NpgsqlDataSource dataSource, TimeProvider clock)
{
    private readonly StatisticsReader reader = new(dataSource, clock);

    public async Task<DomainResult<StatisticsReport>> HandleAsync(Actor actor, GetStatistics request, CancellationToken ct = default)
    {
        if (StatisticsScope.CheckPeriod(request.From, request.To, clock.Today()) is { } badPeriod) return badPeriod;
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, request.ProcedureId, request.SectorId, request.Official, ct);
        if (resolved.Error is { } denied) return denied;
        return await ComputeAsync(resolved.Value!, request.From, request.To, request.GroupBy, ct);
    }

    /// <summary>
    /// For callers that already checked access (reports, service index, quality objectives). <paramref name="forceFacts"/>
    /// reads everything from the fact rows, <paramref name="factEdges"/> the edges of an odd period, <paramref name="halfMonths"/>
    /// the whole half-months without the month and year rows, <paramref name="monthByMonth"/> each month of the month view on
    /// its own (the paths the tests and benchmarks compare with).
    /// </summary>
    internal async Task<StatisticsReport> ComputeAsync(StatisticsScope scope, DateOnly from, DateOnly to, StatisticsGrouping groupBy,
        CancellationToken ct, bool forceFacts = false, bool factEdges = false, bool monthByMonth = false, bool halfMonths = false)
    {
        var toExclusive = to.AddDays(1);
        var path = forceFacts ? StatisticsPath.Facts : factEdges ? StatisticsPath.FactEdges : halfMonths ? StatisticsPath.HalfMonths : StatisticsPath.Best;
        if (groupBy == StatisticsGrouping.Month) return await MonthsAsync(scope, from, to, ct, path, !monthByMonth);
        var dim = groupBy switch
        {
            StatisticsGrouping.Procedure or StatisticsGrouping.Sector => Dim.Procedure,
            StatisticsGrouping.Official => Dim.Official,
            _ => Dim.Unit,
        };
        var period = await reader.ReadAsync(scope.Filter(), dim, from, toExclusive, ct, path);
        var rows = groupBy switch
        {
            StatisticsGrouping.ChildUnit => await ChildRowsAsync(scope, period.Rows, from, toExclusive, path, ct),
            StatisticsGrouping.Unit => scope.Units.Where(u => period.Rows.ContainsKey(u.Id.ToString())).OrderBy(u => u.Code, StringComparer.Ordinal)
                .Select(u => new StatisticsRow(u.Id.ToString(), u.Code, u.Name, period.Rows[u.Id.ToString()].ToFigures())).ToList(),
            StatisticsGrouping.Procedure => await ProcedureRowsAsync(period.Rows, ct),
            StatisticsGrouping.Sector => await SectorRowsAsync(period.Rows, ct),
            _ => await OfficialRowsAsync(period.Rows, ct),
        };
        return new StatisticsReport(scope.Root.Id, scope.Root.Code, scope.Root.Name, from, to, groupBy, period.AsOf, period.RefreshedAt,
            period.FromSummaries, rows, period.Rows.Values.Total().ToFigures());
    }

    /// <summary>The sums per processing unit of the subtree, for reports that roll them up their own way.</summary>
    internal async Task<Dictionary<Guid, FigureSums>> SumsByUnitAsync(StatisticsScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var period = await reader.ReadAsync(scope.Filter(), Dim.Unit, from, to.AddDays(1), ct);
        return period.Rows.ToDictionary(kv => Guid.Parse(kv.Key), kv => kv.Value);
    }

    /// <summary>
    /// The months of the period in one transaction, their flows in one pass (<see cref="StatisticsReader.ReadMonthsAsync"/>);
    /// the period's own figures are the months' sums, with the carried-over dossiers of the first month and the open ones
    /// of the last, instead of a thirteenth read.
    /// </summary>
    private async Task<StatisticsReport> MonthsAsync(StatisticsScope scope, DateOnly from, DateOnly to, CancellationToken ct, StatisticsPath path,
        bool onePass)
    {
        var months = new List<(DateOnly From, DateOnly ToExclusive)>();
        for (var start = from; start <= to; start = new DateOnly(start.Year, start.Month, 1).AddMonths(1))
        {
            var end = new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1);
            months.Add((start, (end > to ? to : end).AddDays(1)));
        }
        var read = await reader.ReadMonthsAsync(scope.Filter(), months, ct, path, onePass);
        var rows = months.Zip(read, (m, figures) => new StatisticsRow(m.From.ToString("yyyy-MM-dd"), m.From.ToString("MM/yyyy"),
            $"Tháng {m.From:MM/yyyy}", figures.Rows.Values.Total().ToFigures())).ToList();
        var whole = read.Select(m => m.Rows.Values.Total()).Total();
        var (first, last) = (read[0].Rows.Values.Total(), read[^1].Rows.Values.Total());
        (whole.CarriedOver, whole.OpenWithinTime, whole.OpenOverdue, whole.OpenAwaitingSupplement) =
            (first.CarriedOver, last.OpenWithinTime, last.OpenOverdue, last.OpenAwaitingSupplement);
        return new StatisticsReport(scope.Root.Id, scope.Root.Code, scope.Root.Name, from, to, StatisticsGrouping.Month, read[^1].AsOf,
            read[^1].RefreshedAt, read.All(m => m.FromSummaries), rows, whole.ToFigures());
    }

    /// <summary>
    /// One row per direct child, each rolling up its subtree. The unit's own dossiers go to the section of the official handling
    /// them (the specialist assigned or directed): a commune's sections act for it, so its dossiers are processed at the commune
    /// itself but belong to a section's work. What no section's official handles stays in the unit's "(trực tiếp)" row.
    /// </summary>
    private async Task<List<StatisticsRow>> ChildRowsAsync(StatisticsScope scope, Dictionary<string, FigureSums> byUnit, DateOnly from,
        DateOnly toExclusive, StatisticsPath path, CancellationToken ct)
    {
        var children = scope.Children;
        var sums = children.ToDictionary(c => c.Id, _ => new FigureSums());
        var direct = new FigureSums();
        var rootKey = scope.Root.Id.ToString();
        foreach (var (unit, figures) in byUnit)
            if (unit != rootKey) sums[scope.ChildOf(Guid.Parse(unit), children)].Add(figures);
        if (byUnit.TryGetValue(rootKey, out var own))
        {
            var sectionOf = await SectionsOfOfficialsAsync(children.Select(c => c.Id).ToList(), ct);
            if (sectionOf.Count == 0) direct.Add(own);
            else
                foreach (var (official, figures) in (await reader.ReadAsync(scope.Filter([scope.Root.Id]), Dim.Official, from, toExclusive, ct, path)).Rows)
                    (sectionOf.TryGetValue(official, out var section) ? sums[section] : direct).Add(figures);
        }
        var rows = children.Select(c => new StatisticsRow(c.Id.ToString(), c.Code, c.Name, sums[c.Id].ToFigures())).ToList();
        if (byUnit.ContainsKey(rootKey))
            rows.Insert(0, new StatisticsRow(rootKey, scope.Root.Code, $"{scope.Root.Name} (trực tiếp)", direct.ToFigures()));
        return rows;
    }

    /// <summary>The section (among <paramref name="children"/>) each official works in, by user name; their latest membership when several.</summary>
    private async Task<Dictionary<string, Guid>> SectionsOfOfficialsAsync(List<Guid> children, CancellationToken ct)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join o in db.Officials.AsNoTracking() on m.OfficialId equals o.Id
                          join u in db.Units.AsNoTracking() on m.UnitId equals u.Id
                          where children.Contains(u.Id) && u.TypeCode == DefaultUnitTypes.Section
                          orderby m.EffectiveFrom descending
                          select new { o.UserName, u.Id }).ToListAsync(ct);
        return rows.GroupBy(r => r.UserName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
    }

    private async Task<List<StatisticsRow>> ProcedureRowsAsync(Dictionary<string, FigureSums> byProcedure, CancellationToken ct)
    {
        var ids = byProcedure.Keys.Select(Guid.Parse).ToList();
        var procedures = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(ct);
        return procedures.OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new StatisticsRow(p.Id.ToString(), p.Code, p.Name, byProcedure[p.Id.ToString()].ToFigures())).ToList();
    }

    private async Task<List<StatisticsRow>> SectorRowsAsync(Dictionary<string, FigureSums> byProcedure, CancellationToken ct)
    {
        var ids = byProcedure.Keys.Select(Guid.Parse).ToList();
        var map = await db.Procedures.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.SectorId }).ToListAsync(ct);
        var sectorIds = map.Select(m => m.SectorId).Distinct().ToList();
        var sectors = await db.Sectors.AsNoTracking().Where(s => sectorIds.Contains(s.Id)).ToListAsync(ct);
        return sectors.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new StatisticsRow(s.Id.ToString(), s.Code, s.Name,
            map.Where(m => m.SectorId == s.Id).Select(m => byProcedure[m.Id.ToString()]).Total().ToFigures())).ToList();
    }

    private async Task<List<StatisticsRow>> OfficialRowsAsync(Dictionary<string, FigureSums> byOfficial, CancellationToken ct)
    {
        var names = byOfficial.Keys.ToList();
        var officials = await db.Officials.AsNoTracking().Where(o => names.Contains(o.UserName)).ToDictionaryAsync(o => o.UserName, o => o.FullName, ct);
        return names.Order(StringComparer.Ordinal).Select(n => new StatisticsRow(n, n, n.Length == 0 ? "(không xác định)" : officials.GetValueOrDefault(n, n),
            byOfficial[n].ToFigures())).ToList();
    }
}
