using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Citizens;

public sealed record AskQuestion(Guid CitizenAccountId, string Title, string Body, Guid? ProcedureId = null, Guid? UnitId = null,
    string? IdempotencyKey = null);

public sealed record AnswerQuestion(Guid QuestionId, string Answer, bool Publish);

public sealed record QuestionView(Guid Id, string Title, string Body, Guid? ProcedureId, Guid? UnitId, DateTimeOffset AskedAt,
    string? Answer, DateTimeOffset? AnsweredAt, bool IsPublished)
{
    public static QuestionView From(Question q) => new(q.Id, q.Title, q.Body, q.ProcedureId, q.UnitId, q.AskedAt, q.Answer, q.AnsweredAt, q.IsPublished);
}

public sealed record QuestionPage(IReadOnlyList<QuestionView> Items, int Total, int Page, int PageSize);

/// <summary>
/// Questions and answers (hỏi đáp): a citizen asks, about a procedure or a unit; an official of that unit (any
/// official when no unit is named) answers and may publish the pair for everyone. Text is stored as written;
/// the API escapes it on the way out.
/// </summary>
public sealed class QuestionHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<QuestionView>> AskAsync(AskQuestion request, CancellationToken ct = default)
    {
        if (request.CitizenAccountId == Guid.Empty) return DomainError.Forbidden("Cần đăng nhập tài khoản công dân.", "A citizen account is required.");
        var key = IdempotencyKey.For($"citizen:{request.CitizenAccountId}", request.IdempotencyKey, "ask-question", request with { IdempotencyKey = null });
        if (await IdempotencyKeys.FindAsync<QuestionView>(db.Database, key, clock.GetUtcNow(), ct) is { } first) return first;
        if (request.ProcedureId is { } p && !await db.Procedures.AnyAsync(x => x.Id == p, ct))
            return DomainError.Invalid("procedureId", "unknown-procedure", "Không có thủ tục hành chính này.", "No such procedure.");
        if (request.UnitId is { } u && !await db.Units.AnyAsync(x => x.Id == u, ct))
            return DomainError.Invalid("unitId", "unknown-unit", "Không có đơn vị này.", "No such unit.");
        var question = new Question
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), CitizenAccountId = request.CitizenAccountId, ProcedureId = request.ProcedureId, UnitId = request.UnitId,
            Title = request.Title.Trim(), Body = request.Body.Trim(), AskedAt = clock.GetUtcNow(),
        };
        db.Questions.Add(question);
        return await IdempotencyKeys.SaveOnceAsync(db, key, QuestionView.From(question), question.AskedAt, ct);
    }

    public async Task<DomainResult<QuestionView>> AnswerAsync(Actor actor, AnswerQuestion request, CancellationToken ct = default)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == request.QuestionId, ct);
        if (question is null || question.UnitId is { } unit && !actor.BelongsTo(unit) && !actor.IsSystemAdmin)
            return DomainError.NotFound("question", "câu hỏi");
        question.Answer = request.Answer.Trim();
        question.AnsweredBy = actor.UserName;
        question.AnsweredAt = clock.GetUtcNow();
        question.IsPublished = request.Publish;
        await db.SaveChangesAsync(ct);
        return QuestionView.From(question);
    }

    public async Task<QuestionPage> MineAsync(Guid citizenAccountId, int page, int pageSize, CancellationToken ct = default) =>
        await PageAsync(db.Questions.AsNoTracking().Where(q => q.CitizenAccountId == citizenAccountId).OrderByDescending(q => q.AskedAt), page, pageSize, ct);

    /// <summary>Published answers, newest first, optionally about one procedure and containing some text (in the question or the answer).</summary>
    public async Task<QuestionPage> PublishedAsync(Guid? procedureId, int page, int pageSize, CancellationToken ct = default, string? text = null)
    {
        var q = db.Questions.AsNoTracking().Where(q => q.IsPublished && q.Answer != null && (procedureId == null || q.ProcedureId == procedureId));
        if (!string.IsNullOrWhiteSpace(text = CleanText.ForSearch(text)))
        {
            var pattern = "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            q = q.Where(x => EF.Functions.ILike(x.Title, pattern) || EF.Functions.ILike(x.Body, pattern) || EF.Functions.ILike(x.Answer!, pattern));
        }
        return await PageAsync(q.OrderByDescending(x => x.AnsweredAt), page, pageSize, ct);
    }

    /// <summary>Questions an official may answer: about one of their units, or about no unit; unanswered first.</summary>
    public async Task<QuestionPage> ForOfficialAsync(Actor actor, bool unansweredOnly, int page, int pageSize, CancellationToken ct = default)
    {
        var units = actor.UnitIds.ToList();
        var q = db.Questions.AsNoTracking().Where(x => x.UnitId == null || units.Contains(x.UnitId.Value) || actor.IsSystemAdmin);
        if (unansweredOnly) q = q.Where(x => x.Answer == null);
        return await PageAsync(q.OrderBy(x => x.Answer != null).ThenBy(x => x.AskedAt), page, pageSize, ct);
    }

    private static async Task<QuestionPage> PageAsync(IQueryable<Question> q, int page, int pageSize, CancellationToken ct)
    {
        var total = await q.CountAsync(ct);
        var items = await q.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new QuestionPage(items.Select(QuestionView.From).ToList(), total, page, pageSize);
    }
}
