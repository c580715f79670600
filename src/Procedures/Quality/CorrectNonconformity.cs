using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Quality;

/// <summary>The cause found and the corrective action decided, with who carries it out and by when.</summary>
public sealed record PlanCorrectiveAction(Guid NonconformityId, string Cause, string CorrectiveAction, string Owner, DateOnly DueOn);

/// <summary>Someone other than the owner checks the action worked; an ineffective action reopens the nonconformity.</summary>
public sealed record VerifyCorrectiveAction(Guid NonconformityId, bool Effective, string Note);

public sealed record CloseNonconformity(Guid NonconformityId);

public sealed class CorrectNonconformityHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<NonconformityView>> HandleAsync(Actor actor, PlanCorrectiveAction request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Cause, "cause", "nguyên nhân", "The cause") is { } c) return c;
        if (QualityAccess.Text(request.CorrectiveAction, "correctiveAction", "hành động khắc phục", "The corrective action") is { } a) return a;
        if (QualityAccess.Text(request.Owner, "owner", "người thực hiện", "The owner", 200) is { } o) return o;
        if (request.DueOn < clock.Today())
            return DomainError.Invalid("dueOn", "in-the-past", "Thời hạn khắc phục không được trước hôm nay.", "The due date cannot be in the past.");
        return await ChangeAsync(actor, request.NonconformityId, n =>
        {
            if (n.Status is not (NonconformityStatus.Open or NonconformityStatus.ActionPlanned)) return Conflict(n);
            (n.Cause, n.CorrectiveAction, n.Owner, n.DueOn, n.Status) =
                (request.Cause.Trim(), request.CorrectiveAction.Trim(), request.Owner.Trim(), request.DueOn, NonconformityStatus.ActionPlanned);
            return null;
        }, ct);
    }

    public async Task<DomainResult<NonconformityView>> HandleAsync(Actor actor, VerifyCorrectiveAction request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Note, "note", "kết quả kiểm tra", "The verification note", 2000) is { } bad) return bad;
        return await ChangeAsync(actor, request.NonconformityId, n =>
        {
            if (n.Status != NonconformityStatus.ActionPlanned) return Conflict(n);
            if (string.Equals(n.Owner, actor.UserName, StringComparison.OrdinalIgnoreCase) || string.Equals(n.Owner, actor.FullName, StringComparison.OrdinalIgnoreCase))
                return DomainError.Forbidden("Người thực hiện không tự kiểm tra hiệu lực hành động khắc phục của mình.",
                    "The owner of the action may not verify it.");
            (n.VerifiedBy, n.VerifiedAt, n.VerificationNote) = (actor.UserName, clock.GetUtcNow(), request.Note.Trim());
            n.Status = request.Effective ? NonconformityStatus.Verified : NonconformityStatus.Open;
            return null;
        }, ct);
    }

    public Task<DomainResult<NonconformityView>> HandleAsync(Actor actor, CloseNonconformity request, CancellationToken ct = default) =>
        ChangeAsync(actor, request.NonconformityId, n =>
        {
            if (n.Status != NonconformityStatus.Verified)
                return DomainError.Conflict("not-verified", "Chỉ đóng được sự không phù hợp đã được kiểm tra hiệu lực.",
                    "Only a nonconformity whose action was verified effective may be closed.");
            (n.Status, n.ClosedBy, n.ClosedAt) = (NonconformityStatus.Closed, actor.UserName, clock.GetUtcNow());
            return null;
        }, ct);

    private async Task<DomainResult<NonconformityView>> ChangeAsync(Actor actor, Guid id, Func<Nonconformity, DomainError?> change, CancellationToken ct)
    {
        var nc = await db.Nonconformities.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (nc is null) return QualityAccess.NotFound("nonconformity", "sự không phù hợp", "nonconformityId");
        var unit = await QualityAccess.UnitAsync(db, actor, nc.UnitId, write: true, ct, "nonconformityId");
        if (unit.Error is { } denied) return denied;
        if (change(nc) is { } refused) return refused;
        nc.Revision++;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return DomainError.Conflict("conflict", "Bản ghi đã được người khác thay đổi; vui lòng tải lại.", "Someone else changed the record; reload it.");
        }
        return NonconformityView.Of(nc, clock.Today());
    }

    private static DomainError Conflict(Nonconformity n) => DomainError.Conflict("wrong-status",
        $"Sự không phù hợp {n.Number} đang ở trạng thái {n.Status}, không thực hiện được thao tác này.",
        $"Nonconformity {n.Number} is {n.Status}; this step does not apply.");
}
