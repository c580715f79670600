using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Quality;

public sealed record RecordManagementReview(Guid UnitId, DateOnly HeldOn, string Chair, string Participants, string Inputs, string Decisions,
    string? Actions = null);

public sealed record ManagementReviewView(Guid Id, Guid UnitId, DateOnly HeldOn, string Chair, string Participants, string Inputs,
    string Decisions, string? Actions, string RecordedBy);

public sealed class RecordManagementReviewHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<ManagementReviewView>> HandleAsync(Actor actor, RecordManagementReview request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Chair, "chair", "người chủ trì", "The chair", 200) is { } c) return c;
        if (QualityAccess.Text(request.Participants, "participants", "thành phần tham dự", "The participants", 2000) is { } p) return p;
        if (QualityAccess.Text(request.Inputs, "inputs", "nội dung xem xét", "What was reviewed", 8000) is { } i) return i;
        if (QualityAccess.Text(request.Decisions, "decisions", "kết luận của lãnh đạo", "The decisions", 8000) is { } d) return d;
        if (request.HeldOn > clock.Today())
            return DomainError.Invalid("heldOn", "in-the-future", "Ngày họp xem xét không được sau hôm nay.", "A review cannot be recorded before it is held.");
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        var review = new ManagementReview
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = request.UnitId, HeldOn = request.HeldOn, Chair = request.Chair.Trim(),
            Participants = request.Participants.Trim(), Inputs = request.Inputs.Trim(), Decisions = request.Decisions.Trim(),
            Actions = request.Actions?.Trim(), RecordedBy = actor.UserName,
        };
        db.ManagementReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return View(review);
    }

    internal static ManagementReviewView View(ManagementReview r) =>
        new(r.Id, r.UnitId, r.HeldOn, r.Chair, r.Participants, r.Inputs, r.Decisions, r.Actions, r.RecordedBy);
}
