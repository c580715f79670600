using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>Asks the citizen for every missing item at once, with the reason (Form 02).</summary>
public sealed record RequestSupplement(Guid DossierId, string Actor, IReadOnlyList<string> MissingItems, string Reason, int? ExpectedRevision = null);

/// <summary>
/// Allowed at reception (clerk) and during processing (specialist) as many times as the procedure's
/// <see cref="SupplementPolicy"/> allows (once by default), and during processing only until the end of its window of
/// working days after the reception the clock counts from; later, the agency must decide on what it has (refuse or go
/// on), so the request is refused and nothing moves.
/// </summary>
public sealed class RequestSupplementHandler(DossierUseCase useCase, SupplementPolicies policies)
{
    public async Task<DomainResult<DossierState>> HandleAsync(RequestSupplement request, CancellationToken ct = default)
    {
        var items = (request.MissingItems ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();
        if (items.Count == 0)
            return DomainError.Invalid("missingItems", "required", "Cần liệt kê đầy đủ các thành phần phải bổ sung.", "List every item to supplement.");
        if (Required.Text(request.Reason, "reason", "lý do yêu cầu bổ sung", "The reason") is { } noReason) return noReason;
        return await useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision,
            new DossierMove("request-supplement", "SupplementRequested", DossierSteps.Receive, DossierSteps.Process)
            {
                Comment = request.Reason.Trim(),
                MarksProcessing = false,
                Prepare = (work, item, token) => PrepareAsync(work, item, items, token),
            }, ct);
    }

    private async Task<DomainResult<DossierMoveInput>> PrepareAsync(DossierWork work, DossierWorkItem item, List<string> items, CancellationToken ct)
    {
        var dossier = work.Dossier;
        var policy = await policies.EffectiveAsync(dossier.ProcedureId, ct);
        if (SupplementRules.Allows(dossier, policy) is { } limit) return limit;
        if (item.StepId == DossierSteps.Process)
        {
            var from = dossier.ClockStartedAt ?? dossier.ReceivedAt ?? work.Now;
            var windowEnds = work.Calendar.ComputeAppointment(from, LegalTimeLimit.WorkingDays(policy.WindowDays), work.ReceivingUnit);
            if (work.Now > windowEnds)
                return new DomainError(ErrorKind.Conflict, "supplement-window-closed",
                    $"Đã quá thời hạn yêu cầu bổ sung hồ sơ ({policy.WindowDays} ngày làm việc kể từ ngày tiếp nhận, đến {windowEnds.ToOffset(VietnameseCalendar.UtcOffset):dd/MM/yyyy HH:mm}). Căn cứ: {policy.LegalBasis}",
                    $"Too late to request a supplement: the window of {policy.WindowDays} working days after reception ended at {windowEnds.ToOffset(VietnameseCalendar.UtcOffset):yyyy-MM-dd HH:mm}. Legal basis: {policy.LegalBasis}",
                    "missingItems");
        }
        SupplementRules.Apply(dossier, items, work.Now, work.Calendar, policy);
        return new DossierMoveInput(SupplementRules.Data(dossier),
            [OutboxMessage.From(new SupplementRequested(dossier.Id, dossier.Code!, dossier.ReceivingUnitId, items, dossier.SupplementDueAt, CitizenContact.Of(dossier)))],
            SupplementRules.Facts(dossier), new { missingItems = items, supplementDueAt = dossier.SupplementDueAt });
    }
}
