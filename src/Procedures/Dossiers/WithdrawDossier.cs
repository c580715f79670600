using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>An official records the citizen's request to withdraw the dossier.</summary>
public sealed record WithdrawDossier(Guid DossierId, string Actor, string Reason, int? ExpectedRevision = null);

/// <summary>The citizen withdraws an online submission that no clerk has received yet.</summary>
public sealed record WithdrawSubmission(Guid DossierId, Guid CitizenAccountId, string Reason, int? ExpectedRevision = null);

/// <summary>
/// Withdrawal (portal code 7) until the result is signed. Whoever holds the current step takes its
/// <c>withdraw</c> action where the definition offers one; elsewhere (e.g. during review) a clerk of the
/// receiving unit, where the citizen asks, cancels the workflow instance.
/// </summary>
public sealed class WithdrawDossierHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<DossierState>> HandleAsync(WithdrawDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do rút hồ sơ", "The reason") is { } noReason) return noReason;
        return await useCase.RunAsync(request.DossierId, request.Actor, request.ExpectedRevision, work => ActAsync(work, request, ct), ct);
    }

    private async Task<DomainError?> ActAsync(DossierWork work, WithdrawDossier request, CancellationToken ct)
    {
        var dossier = work.Dossier;
        if (dossier.Status is not (DossierStatus.Registered or DossierStatus.Accepted or DossierStatus.Processing
            or DossierStatus.SupplementRequested or DossierStatus.FinancialObligation))
            return DomainError.Conflict("dossier-closed", "Hồ sơ đã có kết quả hoặc đã kết thúc, không thể rút.", "The dossier already has a result or has ended; it cannot be withdrawn.");
        var reason = request.Reason.Trim();
        var message = OutboxMessage.From(new DossierWithdrawn(dossier.Id, dossier.Code, dossier.ReceivingUnitId, work.Now, CitizenContact.Of(dossier)));
        var own = work.OpenItems.FirstOrDefault(w => work.Actor.Holds(w.Role, w.Unit) && (w.ClaimedBy ?? w.Assignee ?? work.Actor.UserName) == work.Actor.UserName);
        DossierWorkItem? step = null;
        TransitionResult? moved = null;
        if (own is not null)
        {
            var taken = await work.CompleteAsync(useCase.Engine, own, "withdraw", reason, null, [message], ct);
            if (taken.Succeeded) (step, moved) = (own, taken.Value);
            else if (taken.Error!.Code != "action-not-allowed") return taken.Error;
        }
        if (moved is null)
        {
            if (!work.Actor.HasRole(Role.Clerk, dossier.ReceivingUnitId))
                return DomainError.Forbidden("Chỉ cán bộ tiếp nhận của đơn vị tiếp nhận mới ghi nhận việc rút hồ sơ ở bước này.",
                    "Only a clerk of the receiving unit may record a withdrawal at this step.");
            if (dossier.WorkflowInstanceId is { } instanceId)
            {
                var cancelled = await useCase.Engine.CancelAsync(instanceId, work.Actor.UserName, reason, null, work.Transaction, ct);
                if (!cancelled.Succeeded) return DomainError.FromEngine(cancelled.Error!);
                work.Follow(cancelled.Value!);
            }
            await EngineRows.AddOutboxAsync(work.Transaction, dossier.WorkflowInstanceId, work.Now, message, ct);
        }
        Withdraw(dossier, reason, work.Now);
        await work.RecordAsync("Withdrawn", step, reason, null, moved, ct);
        return null;
    }

    public async Task<DomainResult<DossierState>> HandleAsync(WithdrawSubmission request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do rút hồ sơ", "The reason") is { } noReason) return noReason;
        await using var tx = await useCase.Db.Database.BeginTransactionAsync(ct);
        await useCase.Db.Database.ExecuteSqlAsync($"SELECT 1 FROM procedures.dossiers WHERE id = {request.DossierId} FOR UPDATE", ct);
        var dossier = await useCase.Db.Dossiers.FindAsync([request.DossierId], ct);
        if (dossier is null || dossier.CitizenAccountId != request.CitizenAccountId || request.CitizenAccountId == Guid.Empty)
            return DossierWork.NoSuchDossier;
        if (request.ExpectedRevision is { } expected && dossier.Revision != expected) return DomainError.StaleRevision(dossier.Revision);
        if (dossier.Status != DossierStatus.Registered)
            return DomainError.Conflict("already-received", "Hồ sơ đã được tiếp nhận; đề nghị rút hồ sơ với bộ phận một cửa.",
                "The dossier was already received; ask the one-stop shop to withdraw it.");
        var now = useCase.Clock.GetUtcNow();
        Withdraw(dossier, request.Reason.Trim(), now);
        dossier.UpdatedAt = now;
        dossier.Revision++;
        useCase.Db.DossierEvents.Add(new DossierEvent
        {
            DossierId = dossier.Id, At = now, Kind = "Withdrawn", Actor = $"citizen:{request.CitizenAccountId}", ActorName = "Công dân (trực tuyến)",
            Comment = request.Reason.Trim(),
        });
        await EngineRows.AddOutboxAsync((NpgsqlTransaction)tx.GetDbTransaction(), null, now, OutboxMessage.From(new DossierWithdrawn(dossier.Id, null, dossier.ReceivingUnitId, now, CitizenContact.Of(dossier))), ct);
        await useCase.Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DossierState(dossier.Id, null, dossier.Status, null, [], dossier.Revision);
    }

    private static void Withdraw(Dossier dossier, string reason, DateTimeOffset now)
    {
        dossier.Status = DossierStatus.Withdrawn;
        dossier.Result = DossierResult.Withdrawn;
        dossier.FinishedAt = now;
        dossier.ResultNote = reason;
    }
}
