using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using System.Text.Json;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>A dossier stopped because the citizen did not hand in the supplement by its deadline.</summary>
public sealed record UnsuppliedDossier(Guid DossierId, string? Code, DossierStatus Status, DateTimeOffset SupplementDueAt);

/// <summary>
/// The citizen's supplement deadline (the procedure's <see cref="SupplementPolicy.CitizenDays"/>): a dossier still waiting
/// for its supplement once the deadline has passed is ended as its <see cref="SupplementPolicy.OnExpiry"/> says — refused
/// with a written reason (Form 03), or closed as not completed — the citizen is notified (<see cref="DossierClosedUnsupplied"/>,
/// with the rule's legal basis) and the workflow cancelled: not
/// accepted (portal code 3) when the supplement was asked at reception, processing stopped (8) when it was asked during
/// processing. The worker calls it periodically; each dossier is ended in its own transaction (<see cref="DossierSweep"/>).
/// </summary>
public sealed class StopUnsuppliedDossiers(ProceduresDb db, WorkflowRuntime engine, SupplementPolicies policies, TimeProvider clock,
    ILogger<StopUnsuppliedDossiers> logger)
{
    public const string Actor = "system";
    public const string Reason = "Quá hạn bổ sung hồ sơ: công dân không nộp bổ sung trong thời hạn đã hẹn (Supplement not handed in by its deadline).";
    public const string ClosedReason = "Hồ sơ được đóng do chưa hoàn thiện: công dân không nộp bổ sung trong thời hạn đã hẹn; hồ sơ được trả lại (Dossier closed as not completed: supplement not handed in by its deadline).";

    public async Task<IReadOnlyList<UnsuppliedDossier>> HandleAsync(int max = 100, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Dossiers.AsNoTracking()
            .Where(d => d.Status == DossierStatus.SupplementRequested && d.SupplementDueAt < now)
            .OrderBy(d => d.SupplementDueAt).Select(d => d.Id).Take(max).ToListAsync(ct);
        return await DossierSweep.EachAsync(due, db, logger, "Ending a dossier past its supplement deadline", id => StopAsync(id, now, ct), ct);
    }

    private async Task<UnsuppliedDossier?> StopAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM procedures.dossiers WHERE id = {id} FOR UPDATE", ct);
        var dossier = await db.Dossiers.SingleAsync(d => d.Id == id, ct);
        // Handed in meanwhile (the row was locked by the clerk's reception of the supplement): nothing to do.
        if (dossier.Status != DossierStatus.SupplementRequested || dossier.SupplementDueAt is not { } dueAt || dueAt >= now)
        {
            db.ChangeTracker.Clear();
            return null;
        }
        var policy = await policies.EffectiveAsync(dossier.ProcedureId, ct);
        var closed = policy.OnExpiry == SupplementExpiry.CloseNotCompleted;
        var reason = closed ? ClosedReason : Reason;
        var npgsql = (NpgsqlTransaction)tx.GetDbTransaction();
        if (dossier.WorkflowInstanceId is { } instanceId)
        {
            var cancelled = await engine.CancelAsync(instanceId, Actor, reason, null, npgsql, ct);
            if (!cancelled.Succeeded) throw new InvalidOperationException($"Dossier {id}: {cancelled.Error!.Message}");
        }
        var atReception = dossier.AppointmentAt is null;
        dossier.Status = atReception ? DossierStatus.NotAccepted : DossierStatus.Stopped;
        dossier.Result = closed ? DossierResult.NotCompleted : DossierResult.Refused;
        dossier.ResultNote = reason;
        dossier.FinishedAt = now;
        dossier.UpdatedAt = now;
        dossier.Revision++;
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = id, At = now, Kind = "SupplementOverdue", Actor = Actor, ActorName = "Hệ thống", Step = DossierSteps.AwaitSupplement,
            Comment = reason, DueAt = dueAt, Timeliness = Timeliness.Late,
            Data = JsonSerializer.Serialize(new { onExpiry = policy.OnExpiry.ToString(), legalBasis = policy.LegalBasis }),
        });
        if (dossier.Code is { } code)
            await EngineRows.AddOutboxAsync(npgsql, dossier.WorkflowInstanceId, now, OutboxMessage.From(new DossierClosedUnsupplied(
                id, code, dossier.ReceivingUnitId, atReception, policy.OnExpiry, dueAt, policy.LegalBasis, now, CitizenContact.Of(dossier))), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new UnsuppliedDossier(id, dossier.Code, dossier.Status, dueAt);
    }
}
