using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// The agency's dossier time rules that are local choices or readings of the decree (⚠ in DOMAIN.md), in working days:
/// one row in <c>procedures.dossier_rules</c>, no row meaning <see cref="Default"/>. Held by
/// <see cref="Calendar.CalendarProvider.DossierRules"/> and reloaded with the calendar, so a change applies everywhere
/// on the next use without a restart.
/// </summary>
/// <param name="ApologyNoticeDays">An apology (Form 04) is on time when issued at least this long before the appointment.</param>
/// <param name="SupplementReminderDays">The citizen is reminded once when the supplement deadline is this close.</param>
/// <param name="OnlineCheckDays">The one-stop shop checks an online submission within this time (promised on the receipt).</param>
/// <param name="DueSoonDays">Open dossiers and steps this close to their due time are listed as due soon.</param>
public sealed record DossierRules(decimal ApologyNoticeDays, decimal SupplementReminderDays, decimal OnlineCheckDays, decimal DueSoonDays)
{
    /// <summary>Today's values: one working day's apology notice (Decree 61/2018 Art. 19 as amended), the rest local choices.</summary>
    public static DossierRules Default { get; } = new(1, 2, 1, 1);

    public WorkingTime ApologyNotice => WorkingTime.Days(ApologyNoticeDays);
    public WorkingTime SupplementReminder => WorkingTime.Days(SupplementReminderDays);
    public WorkingTime OnlineCheck => WorkingTime.Days(OnlineCheckDays);
    public WorkingTime DueSoon => WorkingTime.Days(DueSoonDays);
}

/// <summary>The stored rules with who changed them last and when (null for the defaults never changed).</summary>
public sealed record DossierRulesView(decimal ApologyNoticeDays, decimal SupplementReminderDays, decimal OnlineCheckDays, decimal DueSoonDays,
    bool IsDefault, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    public DossierRules Rules => new(ApologyNoticeDays, SupplementReminderDays, OnlineCheckDays, DueSoonDays);

    internal static DossierRulesView Of(DossierRules r, bool isDefault, string? by, DateTimeOffset? at) =>
        new(r.ApologyNoticeDays, r.SupplementReminderDays, r.OnlineCheckDays, r.DueSoonDays, isDefault, by, at);
}

/// <summary>Reads the one row with its own SQL: the table is not in the EF model, so its migration needs no model change.</summary>
public static class DossierRulesStore
{
    internal const int RowId = 1;

    public static async Task<DossierRulesView> LoadAsync(ProceduresDb db, CancellationToken ct = default)
    {
        var rows = await db.Database.SqlQuery<StoredRules>($"""
            SELECT apology_notice_days, supplement_reminder_days, online_check_days, due_soon_days, changed_by, changed_at
            FROM procedures.dossier_rules WHERE id = {RowId}
            """).ToListAsync(ct);
        return rows is [var row]
            ? DossierRulesView.Of(new(row.ApologyNoticeDays, row.SupplementReminderDays, row.OnlineCheckDays, row.DueSoonDays), false, row.ChangedBy, row.ChangedAt)
            : DossierRulesView.Of(DossierRules.Default, true, null, null);
    }

    // Column names follow the context's snake_case convention.
    internal sealed record StoredRules(decimal ApologyNoticeDays, decimal SupplementReminderDays, decimal OnlineCheckDays, decimal DueSoonDays,
        string? ChangedBy, DateTimeOffset? ChangedAt);
}

/// <summary>The agency's dossier rules as the admin page shows them (system administrators).</summary>
public sealed class DossierRulesQuery(ProceduresDb db)
{
    public async Task<Common.DomainResult<DossierRulesView>> HandleAsync(Organisation.Actor actor, CancellationToken ct = default) =>
        actor.IsSystemAdmin ? await DossierRulesStore.LoadAsync(db, ct) : Organisation.AdminAccess.NotSystemAdmin();
}
