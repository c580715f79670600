using System.Text.Json.Nodes;
using Procedures.Common;
using Procedures.Organisation;

namespace Procedures.Dossiers;

/// <summary>The leader or section head directs and assigns (chỉ đạo, phân công) a specialist, with optional instructions.</summary>
public sealed record AssignDossier(Guid DossierId, string Actor, string Specialist, string? Instructions = null, int? ExpectedRevision = null);

/// <summary>
/// By a section head (in charge of the dossier when it is routed) or a leader or deputy of the processing unit. The specialist must
/// hold the Specialist role, today, in the unit of the <c>assign</c> step (the processing unit) or one of its sections.
/// </summary>
public sealed class AssignDossierHandler(DossierUseCase useCase)
{
    public async Task<DomainResult<DossierState>> HandleAsync(AssignDossier request, CancellationToken ct = default)
    {
        if (Required.Text(request.Specialist, "specialist", "chuyên viên được phân công", "The specialist") is { } noSpecialist) return noSpecialist;
        return await useCase.MoveAsync(request.DossierId, request.Actor, request.ExpectedRevision, new DossierMove("assign", "Assigned", DossierSteps.Assign)
        {
            Comment = request.Instructions,
            Item = ItemFor,
            Prepare = async (work, item, token) =>
            {
                var specialist = await work.FindOfficialAsync(request.Specialist.Trim(), token);
                if (specialist is null || item.Unit is not { } unit || !specialist.HasRole(Role.Specialist, unit))
                    return DomainError.Invalid("specialist", "not-a-specialist", "Người được phân công không phải chuyên viên của đơn vị xử lý.",
                        "The person assigned is not a specialist of the processing unit.");
                return new DossierMoveInput(new JsonObject { ["specialist"] = specialist.UserName }, History: new { specialist = specialist.UserName });
            },
        }, ct);
    }

    /// <summary>The leader or deputy of the processing unit directs its sections (DOMAIN.md: lãnh đạo chỉ đạo, phân công), so may assign too.</summary>
    private static DomainResult<DossierWorkItem> ItemFor(DossierWork work)
    {
        var item = work.ItemFor("assign", DossierSteps.Assign);
        return item.Error is { Kind: ErrorKind.Forbidden } && work.LeaderItem(DossierSteps.Assign) is { } led ? led : item;
    }
}
