using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The processing unit apologises for a delay and sets a new appointment date (Form 04).</summary>
public sealed record IssueApology(Guid DossierId, string Actor, string Reason, DateOnly NewAppointmentDate, Guid DelayUnitId, int? ExpectedRevision = null);

/// <summary>
/// Rules: once per dossier ⚠ (a second apology is refused); by the leader, deputy or section head of the
/// processing unit; while the clock runs (received or processing, not waiting for a supplement, not finished).
/// The law expects it at least one working day before the appointment; the system still accepts it later,
/// because the citizen must be told, and records it late. The new date is a working day after the current
/// appointment; the new appointment is the close of that day. The unit that caused the delay is one of the
/// units taking part; it is at most <see cref="DossierSettings.ApologyMaxPostponementDays"/> after the current
/// appointment. The first appointment stays in <see cref="Dossier.OriginalAppointmentAt"/>.
/// </summary>
/// <remarks>
/// With a signer configured, Form 04 is signed by the issuing leader before the dossier changes (<see cref="SignedIssue"/>) and
/// stored with the apology in its transaction; a refused or timed-out signature leaves the dossier as it was.
/// </remarks>
public sealed class IssueApologyHandler(DossierUseCase useCase, Signatures.FormSigning forms)
{
    public async Task<DomainResult<DossierState>> HandleAsync(IssueApology request, CancellationToken ct = default)
    {
        if (Required.Text(request.Reason, "reason", "lý do chậm trễ", "The reason for the delay") is { } noReason) return noReason;
        SignedIssue? signature = null;
        if (forms.Enabled)
        {
            var signed = await SignedIssue.SignAsync(useCase, forms, request.DossierId, request.Actor, request.ExpectedRevision, async (work, at) =>
            {
                var dates = await CheckAsync(work, request, ct);
                if (dates.Error is { } broken) return broken;
                return await forms.ApologyAsync(work, dates.Value.Previous, dates.Value.Next, request.Reason.Trim(), request.DelayUnitId, at, ct);
            }, ct);
            if (signed.Error is { } unsigned) return unsigned;
            signature = signed.Value;
        }
        var answer = await useCase.RunAsync(request.DossierId, request.Actor, signature?.Pending.Revision ?? request.ExpectedRevision,
            work => ActAsync(work, request, signature, ct), ct);
        return signature is null ? answer : SignedIssue.Moved(answer);
    }

    private readonly record struct Appointments(DateTimeOffset Previous, DateTimeOffset Next);

    /// <summary>The apology's rules, checked under the dossier's lock: the current appointment and the new one, or why not.</summary>
    private async Task<DomainResult<Appointments>> CheckAsync(DossierWork work, IssueApology request, CancellationToken ct)
    {
        var (dossier, cal) = (work.Dossier, work.Calendar);
        if (!work.Actor.HasRole(Role.UnitLeader, dossier.ProcessingUnitId) && !work.Actor.HasRole(Role.SectionHead, dossier.ProcessingUnitId))
            return DomainError.Forbidden("Chỉ lãnh đạo đơn vị xử lý mới được ký phiếu xin lỗi.", "Only a leader of the processing unit may issue an apology.");
        if (dossier.ApologyAt is not null)
            return DomainError.Conflict("apology-already-issued", $"Hồ sơ đã được xin lỗi và hẹn lại ngày trả một lần ({Common.VietnamTime.Local(dossier.ApologyAt):dd/MM/yyyy}); không được hẹn lại lần thứ hai.",
                "An apology with a new date was already issued for this dossier; the appointment may be reset only once.");
        if (dossier.Status is not (DossierStatus.Accepted or DossierStatus.Processing or DossierStatus.FinancialObligation) || dossier.AppointmentAt is not { } previous)
            return DomainError.Conflict("clock-not-running", "Hồ sơ không ở trạng thái đang giải quyết nên không thể hẹn lại.", "The dossier is not being processed, so it cannot get a new appointment.");
        var latest = Common.VietnamTime.DateOf(previous).AddDays(useCase.Settings.ApologyMaxPostponementDays);
        if (request.NewAppointmentDate > latest)
            return DomainError.Invalid("newAppointmentDate", "too-far", $"Ngày hẹn mới không được quá {useCase.Settings.ApologyMaxPostponementDays} ngày sau ngày hẹn hiện tại.",
                $"The new appointment may be at most {useCase.Settings.ApologyMaxPostponementDays} days after the current one.");
        if (!cal.IsWorkingDay(request.NewAppointmentDate))
            return DomainError.Invalid("newAppointmentDate", "not-a-working-day", "Ngày hẹn mới phải là ngày làm việc.", "The new appointment must be on a working day.");
        var newAt = cal.EndOfWorkingDay(request.NewAppointmentDate, work.ReceivingUnit).ToUniversalTime();
        if (newAt <= previous)
            return DomainError.Invalid("newAppointmentDate", "not-later", "Ngày hẹn mới phải sau ngày hẹn hiện tại.", "The new appointment must be later than the current one.");
        if (!(await DossierParticipants.UnitsAsync(useCase.Db, dossier.Id, ct)).Contains(request.DelayUnitId))
            return DomainError.Invalid("delayUnitId", "unit-not-involved", "Đơn vị gây chậm trễ phải là đơn vị tham gia giải quyết hồ sơ.", "The delaying unit must be one of the units handling the dossier.");
        return new Appointments(previous, newAt);
    }

    private async Task<DomainError?> ActAsync(DossierWork work, IssueApology request, SignedIssue? signature, CancellationToken ct)
    {
        var checkedDates = await CheckAsync(work, request, ct);
        if (checkedDates.Error is { } refused) return refused;
        var (previous, newAt) = checkedDates.Value;
        var (dossier, cal, now) = (work.Dossier, work.Calendar, work.Now);
        if (signature is { Pending: var pending, Signed: var signed }
            && await Signatures.DocumentSigning.StoreAsync(work.Transaction, dossier.Revision,
                await forms.ApologyAsync(work, previous, newAt, request.Reason.Trim(), request.DelayUnitId, pending.At, ct), pending, signed, ct) is { } discarded)
            return discarded;
        (dossier.ApologyAt, dossier.ApologyReason, dossier.DelayUnitId, dossier.ApologyBy, dossier.AppointmentAt) =
            (now, request.Reason.Trim(), request.DelayUnitId, work.Actor.UserName, newAt);
        var row = await work.RecordAsync("Apologised", null, dossier.ApologyReason, signature is { Signed: var s }
            ? (object)new { previousAppointmentAt = previous, newAppointmentAt = newAt, delayUnitId = request.DelayUnitId, signedFormId = s.Id, signedFormSha256 = s.Sha256 }
            : new { previousAppointmentAt = previous, newAppointmentAt = newAt, delayUnitId = request.DelayUnitId }, null, ct);
        row.ActorUnitId = dossier.ProcessingUnitId;
        row.DueAt = previous;
        row.Timeliness = cal.Add(now, useCase.Calendar.DossierRules.ApologyNotice, work.ReceivingUnit) <= previous ? Timeliness.OnTime : Timeliness.Late;
        await work.AddMessageAsync(new ApologyIssued(dossier.Id, dossier.Code!, request.DelayUnitId, previous, newAt, CitizenContact.Of(dossier)), ct);
        return null;
    }
}
