using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>Sets the agency's dossier time rules, in working days (half-day steps).</summary>
public sealed record UpdateDossierRules(decimal ApologyNoticeDays, decimal SupplementReminderDays, decimal OnlineCheckDays, decimal DueSoonDays);

/// <summary>
/// A system administrator changes the rules; every process reloads them with its calendar on the <c>NOTIFY</c> at commit,
/// so the next apology, reminder, receipt or inbox uses them. Nothing already recorded is judged again.
/// </summary>
public sealed class UpdateDossierRulesHandler(ProceduresDb db, CalendarProvider calendar, TimeProvider clock)
{
    /// <summary>The allowed range of each rule, by the field's name in the API.</summary>
    public static readonly IReadOnlyList<DossierRuleRange> Ranges =
    [
        // The decree asks for the apology at least one working day ahead: an agency may ask for more, not less.
        new("apologyNoticeDays", 1, 5, "Thời hạn gửi phiếu xin lỗi trước ngày hẹn", "The apology notice period"),
        new("supplementReminderDays", 0.5m, 10, "Thời điểm nhắc công dân trước hạn bổ sung", "The supplement reminder lead time"),
        new("onlineCheckDays", 0.5m, 5, "Thời hạn kiểm tra hồ sơ nộp trực tuyến", "The online submission check time"),
        new("dueSoonDays", 0.5m, 5, "Ngưỡng \"sắp đến hạn\"", "The due-soon window"),
    ];

    public async Task<DomainResult<DossierRulesView>> HandleAsync(Actor actor, UpdateDossierRules request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if (Check(request) is { } invalid) return invalid;

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO procedures.dossier_rules (id, apology_notice_days, supplement_reminder_days, online_check_days, due_soon_days, changed_by, changed_at)
            VALUES ({DossierRulesStore.RowId}, {request.ApologyNoticeDays}, {request.SupplementReminderDays}, {request.OnlineCheckDays},
                {request.DueSoonDays}, {actor.UserName}, {now})
            ON CONFLICT (id) DO UPDATE SET apology_notice_days = excluded.apology_notice_days,
                supplement_reminder_days = excluded.supplement_reminder_days, online_check_days = excluded.online_check_days,
                due_soon_days = excluded.due_soon_days, changed_by = excluded.changed_by, changed_at = excluded.changed_at
            """, ct);
        await CalendarChanges.NotifyAsync((NpgsqlTransaction)tx.GetDbTransaction(),
            string.Create(CultureInfo.InvariantCulture, $"Quy tắc hồ sơ: xin lỗi trước {request.ApologyNoticeDays:0.#} ngày, nhắc bổ sung trước {request.SupplementReminderDays:0.#} ngày"), ct);
        await tx.CommitAsync(ct);

        await calendar.ReloadAsync(db, ct);
        return await DossierRulesStore.LoadAsync(db, ct);
    }

    private static DomainError? Check(UpdateDossierRules request)
    {
        decimal[] values = [request.ApologyNoticeDays, request.SupplementReminderDays, request.OnlineCheckDays, request.DueSoonDays];
        for (var i = 0; i < Ranges.Count; i++)
            if (Ranges[i].Check(values[i]) is { } invalid) return invalid;
        return null;
    }
}

/// <summary>One rule's allowed working days, in half-day steps.</summary>
public sealed record DossierRuleRange(string Field, decimal Min, decimal Max, string NameVi, string NameEn)
{
    public DomainError? Check(decimal days) => days >= Min && days <= Max && days * 2 == decimal.Truncate(days * 2)
        ? null
        : DomainError.Invalid(Field, "out-of-range",
            string.Create(Vietnamese, $"{NameVi} phải từ {Min:0.#} đến {Max:0.#} ngày làm việc, theo bước nửa ngày."),
            string.Create(CultureInfo.InvariantCulture, $"{NameEn} must be {Min:0.#} to {Max:0.#} working days, in half-day steps."));

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}
