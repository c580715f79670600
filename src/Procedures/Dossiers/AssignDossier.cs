using System.Text.Json.Nodes;
using Engine.Runtime;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Dossiers;

/// <summary>The leader or section head directs and assigns (chỉ đạo, phân công) a specialist, with optional instructions.</summary>
public sealed record AssignDossier(Guid DossierId, string Actor, string Specialist, string? Instructions = null, int? ExpectedRevision = null);

/// <summary>
/// By a section head (in charge of the dossier when it is routed) or a leader or deputy of the processing unit. The specialist must
/// hold the Specialist role, today, in the unit of the <c>assign</c> step (the processing unit) or one of its sections.
/// </summary>
public sealed class AssignDossierHandler(ProceduresDb db, WorkflowRuntime engine, OfficialDirectory officials,
    CalendarProvider calendar, TimeProvider clock, DossierSettings settings)
{
    public async Task<DomainResult<DossierState>> HandleAsync(AssignDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Specialist, "specialist", "chuyên viên được phân công", "The specialist") is { } noSpecialist) return noSpecialist;
        var opened = await DossierWork.OpenAsync(db, officials, calendar, clock, settings, request.DossierId, request.Actor, request.ExpectedRevision, ct);
        if (opened.Error is { } notFound) return notFound;
        await using var work = opened.Value!;
        var item = work.ItemFor("assign", DossierSteps.Assign);
        // The leader or deputy of the processing unit directs its sections (DOMAIN.md: lãnh đạo chỉ đạo, phân công), so may assign too.
        if (item.Error is { Kind: ErrorKind.Forbidden } && work.LeaderItem(DossierSteps.Assign) is { } led) item = led;
        if (item.Error is { } cannot) return cannot;
        var specialist = await work.FindOfficialAsync(request.Specialist.Trim(), ct);
        if (specialist is null || item.Value!.Unit is not { } unit || !specialist.HasRole(Role.Specialist, unit))
            return DomainError.Invalid("specialist", "not-a-specialist", "Người được phân công không phải chuyên viên của đơn vị xử lý.",
                "The person assigned is not a specialist of the processing unit.");

        var moved = await work.CompleteAsync(engine, item.Value, "assign", request.Instructions,
            new JsonObject { ["specialist"] = specialist.UserName }, null, ct);
        if (moved.Error is { } failed) return failed;
        work.MarkProcessing();
        await work.RecordAsync("Assigned", item.Value, request.Instructions, new { specialist = specialist.UserName }, moved.Value, ct);
        await work.CommitAsync(ct);
        return work.State();
    }
}
