using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Citizens;

public sealed record GiveFeedback(Guid CitizenAccountId, string Subject, string Body, Guid? UnitId = null, Guid? ProcedureId = null, Guid? DossierId = null,
    string? IdempotencyKey = null);

public sealed record HandleFeedback(Guid FeedbackId, string Response);

public sealed record FeedbackView(Guid Id, string Subject, string Body, Guid? UnitId, Guid? ProcedureId, Guid? DossierId, DateTimeOffset CreatedAt,
    FeedbackStatus Status, string? Response, DateTimeOffset? HandledAt)
{
    public static FeedbackView From(Feedback f) => new(f.Id, f.Subject, f.Body, f.UnitId, f.ProcedureId, f.DossierId, f.CreatedAt, f.Status, f.Response, f.HandledAt);
}

/// <summary>Feedback (góp ý) from a citizen; officials of the unit concerned read and answer it.</summary>
public sealed class FeedbackHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<FeedbackView>> GiveAsync(GiveFeedback request, CancellationToken ct = default)
    {
        if (request.CitizenAccountId == Guid.Empty) return DomainError.Forbidden("Cần đăng nhập tài khoản công dân.", "A citizen account is required.");
        var key = IdempotencyKey.For($"citizen:{request.CitizenAccountId}", request.IdempotencyKey, "give-feedback", request with { IdempotencyKey = null });
        if (await IdempotencyKeys.FindAsync<FeedbackView>(db.Database, key, clock.GetUtcNow(), ct) is { } first) return first;
        if (request.UnitId is { } u && !await db.Units.AnyAsync(x => x.Id == u, ct))
            return DomainError.Invalid("unitId", "unknown-unit", "Không có đơn vị này.", "No such unit.");
        if (request.DossierId is { } d && !await db.Dossiers.AnyAsync(x => x.Id == d && x.CitizenAccountId == request.CitizenAccountId, ct))
            return DomainError.Invalid("dossierId", "unknown-dossier", "Không có hồ sơ này trong tài khoản của bạn.", "No such dossier in your account.");
        var unit = request.UnitId ?? (request.DossierId is { } dossierId
            ? await db.Dossiers.Where(x => x.Id == dossierId).Select(x => (Guid?)x.ProcessingUnitId).SingleAsync(ct) : null);
        var feedback = new Feedback
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), CitizenAccountId = request.CitizenAccountId, UnitId = unit, ProcedureId = request.ProcedureId,
            DossierId = request.DossierId, Subject = request.Subject.Trim(), Body = request.Body.Trim(), CreatedAt = clock.GetUtcNow(), Status = FeedbackStatus.New,
        };
        db.Feedback.Add(feedback);
        return await IdempotencyKeys.SaveOnceAsync(db, key, FeedbackView.From(feedback), feedback.CreatedAt, ct);
    }

    public async Task<DomainResult<FeedbackView>> HandleAsync(Actor actor, HandleFeedback request, CancellationToken ct = default)
    {
        var feedback = await db.Feedback.SingleOrDefaultAsync(f => f.Id == request.FeedbackId, ct);
        if (feedback is null || feedback.UnitId is { } unit && !actor.BelongsTo(unit) && !actor.IsSystemAdmin)
            return DomainError.NotFound("feedback", "góp ý");
        (feedback.Response, feedback.HandledBy, feedback.HandledAt, feedback.Status) = (request.Response.Trim(), actor.UserName, clock.GetUtcNow(), FeedbackStatus.Handled);
        await db.SaveChangesAsync(ct);
        return FeedbackView.From(feedback);
    }

    public async Task<IReadOnlyList<FeedbackView>> MineAsync(Guid citizenAccountId, CancellationToken ct = default) =>
        (await db.Feedback.AsNoTracking().Where(f => f.CitizenAccountId == citizenAccountId).OrderByDescending(f => f.CreatedAt).Take(200).ToListAsync(ct))
            .Select(FeedbackView.From).ToList();

    public async Task<IReadOnlyList<FeedbackView>> ForOfficialAsync(Actor actor, CancellationToken ct = default)
    {
        var units = actor.UnitIds.ToList();
        return (await db.Feedback.AsNoTracking().Where(f => f.UnitId == null || units.Contains(f.UnitId.Value) || actor.IsSystemAdmin)
            .OrderBy(f => f.Status).ThenByDescending(f => f.CreatedAt).Take(200).ToListAsync(ct)).Select(FeedbackView.From).ToList();
    }
}
