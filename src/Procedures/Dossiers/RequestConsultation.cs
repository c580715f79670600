using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>
/// The specialist asks other units for their opinion (liên thông), in parallel where the definition splits.
/// <paramref name="Units"/> sets the consulted units' variables (e.g. <c>taxUnit</c>) when the reception did not;
/// <paramref name="Action"/> is the <c>process</c> action that leads to the consulted steps. <paramref name="LateDeadlineReason"/>
/// explains why a consulted agency may answer after the dossier's appointment; without it such a request is refused.
/// </summary>
public sealed record RequestConsultation(Guid DossierId, string Actor, string Subject, IReadOnlyDictionary<string, Guid>? Units = null,
    string Action = "consult", IReadOnlyDictionary<string, string>? Fields = null, string? LateDeadlineReason = null, int? ExpectedRevision = null);

/// <summary>
/// One consultation row per consulted step opened, each with its own deadline: the step's budget on the
/// calendar from now (the engine's due time of that work item). A deadline after the dossier's appointment would let
/// the citizen's date pass while the agency waits, so it needs a written reason, kept in the history.
/// </summary>
public sealed partial class RequestConsultationHandler(DossierUseCase useCase)
{
    /// <summary>A consulted agency's unit variable, named after the agency by the workflow conventions (workflows/README.md).</summary>
    private static readonly Regex ConsultedUnitVariable = ConsultedUnit();

    [GeneratedRegex("^[a-z][A-Za-z]*Unit$")]
    private static partial Regex ConsultedUnit();

    public async Task<DomainResult<DossierState>> HandleAsync(RequestConsultation request, CancellationToken ct = default)
    {
        if (Required.Text(request.Subject, "subject", "nội dung xin ý kiến", "The subject") is { } noSubject) return noSubject;
        var units = request.Units ?? new Dictionary<string, Guid>();
        if (units.Keys.FirstOrDefault(name => !ConsultedUnitVariable.IsMatch(name) || name is "receivingUnit" or "processingUnit") is { } notAgency)
            return DomainError.Invalid($"units.{notAgency}", "not-a-consulted-unit",
                "Chỉ được chọn đơn vị của cơ quan được xin ý kiến (taxUnit, policeUnit, ...).", "Only a consulted agency's unit variable (taxUnit, policeUnit, ...) may be set.");
        var unitIds = units.Values.ToList();
        var known = await useCase.Db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        if (units.FirstOrDefault(u => !known.Contains(u.Value)) is { Key: not null } unknown)
            return DomainError.Invalid($"units.{unknown.Key}", "unknown-unit", "Không có đơn vị được xin ý kiến này.", "No such unit to consult.");
        return await useCase.RunAsync(request.DossierId, request.Actor, request.ExpectedRevision, work => ConsultAsync(work, request, units, ct), ct);
    }

    /// <summary>The move, then its checks on what it opened (they need the consulted steps' due times), then the history.</summary>
    private async Task<DomainError?> ConsultAsync(DossierWork work, RequestConsultation request, IReadOnlyDictionary<string, Guid> units, CancellationToken ct)
    {
        var item = work.ItemFor(request.Action, DossierSteps.Process);
        if (item.Error is { } cannot) return cannot;

        // The consulted units were checked above: they are the use case's facts, not free input.
        var facts = new JsonObject();
        foreach (var (name, unit) in units) facts[name] = unit.ToString();
        var subject = request.Subject.Trim();
        var moved = await work.CompleteAsync(useCase.Engine, item.Value!, request.Action, subject, Required.Fields(request.Fields), null, ct,
            consultationSubject: subject, facts: facts);
        if (moved.Error is { } failed) return failed;
        var consulted = moved.Value!.OpenedWorkItems.Where(w => w.Role == StepRoles.ConsultedOfficer).ToList();
        if (consulted.Count == 0 || consulted.Any(w => !Guid.TryParse(w.UnitId, out _)))
            return DomainError.Invalid("action", "no-consultation",
                $"Thao tác '{request.Action}' không dẫn tới bước xin ý kiến đơn vị nào (hoặc thiếu đơn vị được xin ý kiến).",
                $"Action '{request.Action}' does not lead to a consulted unit's step (or a consulted unit is missing).");
        var lateReason = string.IsNullOrWhiteSpace(request.LateDeadlineReason) ? null : request.LateDeadlineReason.Trim();
        if (work.Dossier.AppointmentAt is { } appointment && consulted.Where(w => w.DueAt > appointment).Select(w => w.DueAt).Max() is { } latest
            && lateReason is null)
            return DomainError.Invalid("lateDeadlineReason", "consultation-after-appointment",
                $"Thời hạn xin ý kiến ({latest.ToOffset(VietnameseCalendar.UtcOffset):dd/MM/yyyy HH:mm}) sau ngày hẹn trả kết quả của hồ sơ ({appointment.ToOffset(VietnameseCalendar.UtcOffset):dd/MM/yyyy HH:mm}): cần nêu lý do.",
                $"The consultation deadline ({latest.ToOffset(VietnameseCalendar.UtcOffset):yyyy-MM-dd HH:mm}) is after the dossier's appointment ({appointment.ToOffset(VietnameseCalendar.UtcOffset):yyyy-MM-dd HH:mm}): give a reason.");
        work.MarkProcessing();
        await work.RecordAsync("ConsultationRequested", item.Value, lateReason is null ? subject : $"{subject}\nLý do thời hạn xin ý kiến sau ngày hẹn: {lateReason}",
            new
            {
                consultations = consulted.Select(w => new { unit = w.UnitId, step = w.StepId, dueAt = w.DueAt }),
                appointmentAt = work.Dossier.AppointmentAt, lateDeadlineReason = lateReason,
            }, moved.Value, ct);
        return null;
    }
}
