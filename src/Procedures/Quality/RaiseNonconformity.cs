using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Quality;

public sealed record RaiseNonconformity(Guid UnitId, NonconformitySource Source, string Description, string? SourceRef = null,
    DateOnly? DueOn = null, string? Owner = null);

public sealed record NonconformityView(Guid Id, Guid UnitId, string Number, NonconformitySource Source, string? SourceRef, Guid? DossierId,
    string Description, string? Cause, string? CorrectiveAction, string? Owner, DateOnly? DueOn, NonconformityStatus Status, bool Overdue,
    string RaisedBy, DateTimeOffset RaisedAt, string? VerifiedBy, DateTimeOffset? VerifiedAt, string? VerificationNote,
    string? ClosedBy, DateTimeOffset? ClosedAt)
{
    internal static NonconformityView Of(Nonconformity n, DateOnly today) => new(n.Id, n.UnitId, n.Number, n.Source, n.SourceRef, n.DossierId,
        n.Description, n.Cause, n.CorrectiveAction, n.Owner, n.DueOn, n.Status, n.IsOverdueOn(today), n.RaisedBy, n.RaisedAt, n.VerifiedBy,
        n.VerifiedAt, n.VerificationNote, n.ClosedBy, n.ClosedAt);
}

/// <summary>Records a nonconformity, numbered per unit and year (KPH-2026-001).</summary>
public sealed class RaiseNonconformityHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<NonconformityView>> HandleAsync(Actor actor, RaiseNonconformity request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Description, "description", "mô tả sự không phù hợp", "The description") is { } bad) return bad;
        if (!Enum.IsDefined(request.Source)) return DomainError.Invalid("source", "bad-source", "Nguồn không hợp lệ.", "Unknown source.");
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        var nc = await NewAsync(db, request.UnitId, request.Source, request.Description.Trim(), request.SourceRef?.Trim(), actor.UserName, clock, ct);
        (nc.DueOn, nc.Owner) = (request.DueOn, request.Owner?.Trim());
        db.Nonconformities.Add(nc);
        await db.SaveChangesAsync(ct);
        return NonconformityView.Of(nc, clock.Today());
    }

    /// <summary>A new open nonconformity with the unit's next number for the year (a unique index guards the race).</summary>
    internal static async Task<Nonconformity> NewAsync(ProceduresDb db, Guid unitId, NonconformitySource source, string description,
        string? sourceRef, string raisedBy, TimeProvider clock, CancellationToken ct, int offset = 0)
    {
        var now = clock.GetUtcNow();
        var prefix = $"KPH-{clock.Today().Year}-";
        var taken = await db.Nonconformities.CountAsync(n => n.UnitId == unitId && n.Number.StartsWith(prefix), ct);
        return new Nonconformity
        {
            Id = Guid.CreateVersion7(now), UnitId = unitId, Number = $"{prefix}{taken + 1 + offset:D3}", Source = source, SourceRef = sourceRef,
            Description = description, Status = NonconformityStatus.Open, RaisedBy = raisedBy, RaisedAt = now,
        };
    }
}
