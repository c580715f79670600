using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Quality;

public sealed record PlanAudit(Guid UnitId, string Title, string Scope, DateOnly PlannedOn, string Auditors);

/// <summary>A finding of an audit; a <see cref="FindingKind.Nonconformity"/> raises the nonconformity to correct.</summary>
public sealed record RecordAuditFinding(Guid AuditPlanId, string Clause, string Description, FindingKind Kind, DateOnly? DueOn = null);

public sealed record CompleteAudit(Guid AuditPlanId, DateOnly DoneOn, string Summary);

public sealed record AuditView(Guid Id, Guid UnitId, string Title, string Scope, DateOnly PlannedOn, string Auditors, AuditStatus Status,
    DateOnly? DoneOn, string? Summary, IReadOnlyList<FindingView> Findings);

public sealed record FindingView(Guid Id, string Clause, string Description, FindingKind Kind, Guid? NonconformityId, string? NonconformityNumber);

public sealed class InternalAuditHandler(ProceduresDb db, TimeProvider clock)
{
    public async Task<DomainResult<AuditView>> HandleAsync(Actor actor, PlanAudit request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Title, "title", "tên cuộc đánh giá", "The title", 500) is { } t) return t;
        if (QualityAccess.Text(request.Scope, "scope", "phạm vi đánh giá", "The scope", 2000) is { } s) return s;
        if (QualityAccess.Text(request.Auditors, "auditors", "chuyên gia đánh giá", "The auditors", 1000) is { } a) return a;
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        var plan = new AuditPlan
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = request.UnitId, Title = request.Title.Trim(), Scope = request.Scope.Trim(),
            PlannedOn = request.PlannedOn, Auditors = request.Auditors.Trim(), Status = AuditStatus.Planned, CreatedBy = actor.UserName,
        };
        db.AuditPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(plan, ct);
    }

    public async Task<DomainResult<AuditView>> HandleAsync(Actor actor, RecordAuditFinding request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Clause, "clause", "điều khoản", "The clause", 50) is { } c) return c;
        if (QualityAccess.Text(request.Description, "description", "nội dung phát hiện", "The description") is { } d) return d;
        var plan = await db.AuditPlans.SingleOrDefaultAsync(p => p.Id == request.AuditPlanId, ct);
        if (plan is null) return QualityAccess.NotFound("audit", "cuộc đánh giá", "auditPlanId");
        var unit = await QualityAccess.UnitAsync(db, actor, plan.UnitId, write: true, ct, "auditPlanId");
        if (unit.Error is { } denied) return denied;
        if (plan.Status == AuditStatus.Cancelled)
            return DomainError.Conflict("audit-cancelled", "Cuộc đánh giá đã hủy.", "The audit was cancelled.");
        var finding = new AuditFinding
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), AuditPlanId = plan.Id, Clause = request.Clause.Trim(),
            Number = await db.AuditFindings.CountAsync(f => f.AuditPlanId == plan.Id, ct) + 1,
            Description = request.Description.Trim(), Kind = request.Kind,
        };
        if (request.Kind == FindingKind.Nonconformity)
        {
            var nc = await RaiseNonconformityHandler.NewAsync(db, plan.UnitId, NonconformitySource.InternalAudit, finding.Description,
                $"{plan.Title} – điều {finding.Clause}", actor.UserName, clock, ct);
            (nc.AuditFindingId, nc.DueOn) = (finding.Id, request.DueOn);
            db.Nonconformities.Add(nc);
            finding.NonconformityId = nc.Id;
        }
        db.AuditFindings.Add(finding);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(plan, ct);
    }

    public async Task<DomainResult<AuditView>> HandleAsync(Actor actor, CompleteAudit request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Summary, "summary", "kết luận đánh giá", "The summary") is { } s) return s;
        var plan = await db.AuditPlans.SingleOrDefaultAsync(p => p.Id == request.AuditPlanId, ct);
        if (plan is null) return QualityAccess.NotFound("audit", "cuộc đánh giá", "auditPlanId");
        var unit = await QualityAccess.UnitAsync(db, actor, plan.UnitId, write: true, ct, "auditPlanId");
        if (unit.Error is { } denied) return denied;
        if (plan.Status != AuditStatus.Planned)
            return DomainError.Conflict("audit-not-planned", "Cuộc đánh giá không còn ở trạng thái kế hoạch.", "The audit is no longer planned.");
        (plan.Status, plan.DoneOn, plan.Summary) = (AuditStatus.Done, request.DoneOn, request.Summary.Trim());
        await db.SaveChangesAsync(ct);
        return await ViewAsync(plan, ct);
    }

    internal async Task<AuditView> ViewAsync(AuditPlan plan, CancellationToken ct)
    {
        var findings = await (from f in db.AuditFindings.AsNoTracking()
                              join n in db.Nonconformities.AsNoTracking() on f.NonconformityId equals n.Id into ncs
                              from n in ncs.DefaultIfEmpty()
                              where f.AuditPlanId == plan.Id
                              orderby f.Number
                              select new FindingView(f.Id, f.Clause, f.Description, f.Kind, f.NonconformityId, n == null ? null : n.Number)).ToListAsync(ct);
        return new AuditView(plan.Id, plan.UnitId, plan.Title, plan.Scope, plan.PlannedOn, plan.Auditors, plan.Status, plan.DoneOn, plan.Summary, findings);
    }
}
