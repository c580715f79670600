using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Procedures.Calendar;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>A citizen reminded that the supplement is due soon.</summary>
public sealed record SupplementReminder(Guid DossierId, string Code, DateTimeOffset SupplementDueAt);

/// <summary>
/// The citizen's own clock: a dossier waiting for its supplement whose deadline comes within
/// <see cref="DossierRules.SupplementReminder"/> working time gets one reminder to the citizen per deadline (the
/// <see cref="SupplementDueSoon"/> record, through the outbox like every citizen notice), and a history row that says so.
/// The worker calls it with the SLA sweep; each dossier is handled in its own transaction, under its row lock, so two
/// workers remind once.
/// </summary>
public sealed class RemindUnsuppliedDossiers(ProceduresDb db, CalendarProvider calendar, TimeProvider clock,
    ILogger<RemindUnsuppliedDossiers> logger)
{
    public const string Kind = "SupplementReminder";

    public async Task<IReadOnlyList<SupplementReminder>> HandleAsync(int max = 100, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var soon = calendar.Current.Add(now, calendar.DossierRules.SupplementReminder).ToUniversalTime();
        var due = await db.Dossiers.AsNoTracking()
            .Where(d => d.Status == DossierStatus.SupplementRequested && d.Code != null && d.SupplementDueAt > now && d.SupplementDueAt <= soon)
            .Where(d => !db.DossierEvents.Any(e => e.DossierId == d.Id && e.Kind == Kind && e.DueAt == d.SupplementDueAt))
            .OrderBy(d => d.SupplementDueAt).Select(d => d.Id).Take(max).ToListAsync(ct);
        return await DossierSweep.EachAsync(due, db, logger, "Reminding a citizen of the supplement deadline", id => RemindAsync(id, now, ct), ct);
    }

    private async Task<SupplementReminder?> RemindAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM procedures.dossiers WHERE id = {id} FOR UPDATE", ct);
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        // Handed in meanwhile, or reminded by another worker while this one waited for the lock.
        if (dossier.Status != DossierStatus.SupplementRequested || dossier.SupplementDueAt is not { } dueAt || dossier.Code is not { } code
            || await db.DossierEvents.AnyAsync(e => e.DossierId == id && e.Kind == Kind && e.DueAt == dueAt, ct))
            return null;
        db.DossierEvents.Add(new DossierEvent
        {
            DossierId = id, At = now, Kind = Kind, Actor = StopUnsuppliedDossiers.Actor, ActorName = "Hệ thống", Step = DossierSteps.AwaitSupplement,
            Comment = "Nhắc công dân hạn nộp hồ sơ bổ sung (Supplement deadline reminder sent to the citizen).", DueAt = dueAt,
        });
        await EngineRows.AddOutboxAsync((NpgsqlTransaction)tx.GetDbTransaction(), dossier.WorkflowInstanceId, now, OutboxMessage.From(
            new SupplementDueSoon(id, code, dossier.ReceivingUnitId, dossier.MissingItems, dueAt, CitizenContact.Of(dossier))), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new SupplementReminder(id, code, dueAt);
    }
}
