using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Quality;

/// <summary>Nonconformities of the unit and (when <paramref name="IncludeSubtree"/>) the units below, filtered.</summary>
public sealed record SearchNonconformities(Guid UnitId, string? Text = null, NonconformityStatus? Status = null, NonconformitySource? Source = null,
    bool OverdueOnly = false, DateOnly? RaisedFrom = null, DateOnly? RaisedTo = null, bool IncludeSubtree = true);

public sealed record SearchAudits(Guid UnitId, string? Text = null, AuditStatus? Status = null, int? Year = null, bool IncludeSubtree = true);

public sealed record SearchManagementReviews(Guid UnitId, string? Text = null, int? Year = null, bool IncludeSubtree = true);

/// <summary>The searchable lists of the ISO records; each list exports as it is shown (<see cref="QualityExports"/>).</summary>
public sealed class QualityRecordSearch(ProceduresDb db, InternalAuditHandler audits, TimeProvider clock)
{
    public async Task<DomainResult<IReadOnlyList<NonconformityView>>> HandleAsync(Actor actor, SearchNonconformities r, CancellationToken ct = default)
    {
        if (InputRanges.Period(r.RaisedFrom, r.RaisedTo, "raisedFrom", "raisedTo") is { } badDate) return badDate;
        var units = await UnitsAsync(actor, r.UnitId, r.IncludeSubtree, ct);
        if (units.Error is { } denied) return denied;
        var ids = units.Value!;
        var today = clock.Today();
        var query = db.Nonconformities.AsNoTracking().Where(n => ids.Contains(n.UnitId));
        if (r.Status is { } status) query = query.Where(n => n.Status == status);
        if (r.Source is { } source) query = query.Where(n => n.Source == source);
        if (r.OverdueOnly) query = query.Where(n => (n.Status == NonconformityStatus.Open || n.Status == NonconformityStatus.ActionPlanned) && n.DueOn < today);
        if (r.RaisedFrom is { } from) query = query.Where(n => n.RaisedAt >= Statistics.Slices.Start(from));
        if (r.RaisedTo is { } to) query = query.Where(n => n.RaisedAt < Statistics.Slices.Start(to.AddDays(1)));
        if (Like(r.Text) is { } like)
            query = query.Where(n => EF.Functions.ILike(n.Number, like) || EF.Functions.ILike(n.Description, like)
                || (n.SourceRef != null && EF.Functions.ILike(n.SourceRef, like)) || (n.Owner != null && EF.Functions.ILike(n.Owner, like))
                || (n.CorrectiveAction != null && EF.Functions.ILike(n.CorrectiveAction, like)));
        return (await query.OrderBy(n => n.RaisedAt).ThenBy(n => n.Number).Take(5000).ToListAsync(ct)).Select(n => NonconformityView.Of(n, today)).ToList();
    }

    public async Task<DomainResult<IReadOnlyList<AuditView>>> HandleAsync(Actor actor, SearchAudits r, CancellationToken ct = default)
    {
        if (InputRanges.Year(r.Year) is { } badYear) return badYear;
        var units = await UnitsAsync(actor, r.UnitId, r.IncludeSubtree, ct);
        if (units.Error is { } denied) return denied;
        var ids = units.Value!;
        var query = db.AuditPlans.AsNoTracking().Where(a => ids.Contains(a.UnitId));
        if (r.Status is { } status) query = query.Where(a => a.Status == status);
        if (r.Year is { } year) query = query.Where(a => a.PlannedOn.Year == year);
        if (Like(r.Text) is { } like)
            query = query.Where(a => EF.Functions.ILike(a.Title, like) || EF.Functions.ILike(a.Scope, like) || EF.Functions.ILike(a.Auditors, like));
        var views = new List<AuditView>();
        foreach (var plan in await query.OrderBy(a => a.PlannedOn).ThenBy(a => a.Id).Take(1000).ToListAsync(ct)) views.Add(await audits.ViewAsync(plan, ct));
        return views;
    }

    public async Task<DomainResult<IReadOnlyList<ManagementReviewView>>> HandleAsync(Actor actor, SearchManagementReviews r, CancellationToken ct = default)
    {
        if (InputRanges.Year(r.Year) is { } badYear) return badYear;
        var units = await UnitsAsync(actor, r.UnitId, r.IncludeSubtree, ct);
        if (units.Error is { } denied) return denied;
        var ids = units.Value!;
        var query = db.ManagementReviews.AsNoTracking().Where(m => ids.Contains(m.UnitId));
        if (r.Year is { } year) query = query.Where(m => m.HeldOn.Year == year);
        if (Like(r.Text) is { } like)
            query = query.Where(m => EF.Functions.ILike(m.Inputs, like) || EF.Functions.ILike(m.Decisions, like) || EF.Functions.ILike(m.Chair, like)
                || (m.Actions != null && EF.Functions.ILike(m.Actions, like)));
        return (await query.OrderBy(m => m.HeldOn).Take(1000).ToListAsync(ct)).Select(RecordManagementReviewHandler.View).ToList();
    }

    private async Task<DomainResult<List<Guid>>> UnitsAsync(Actor actor, Guid unitId, bool subtree, CancellationToken ct)
    {
        var unit = await QualityAccess.UnitAsync(db, actor, unitId, write: false, ct);
        if (unit.Error is { } denied) return denied;
        return subtree ? await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(unit.Value!.Path)).Select(u => u.Id).ToListAsync(ct) : [unitId];
    }

    private static string? Like(string? text) =>
        string.IsNullOrWhiteSpace(text = CleanText.ForSearch(text)) ? null : "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
