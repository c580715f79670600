using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;

namespace Procedures.Documents;

public sealed partial class DossierDocuments
{
    /// <summary>
    /// Form 05 for a received dossier: every hand-off from its history (giver, receiver, time, due time, timeliness,
    /// comment) under the steps' titles in its workflow, and how it ended when it has.
    /// </summary>
    public async Task<DomainResult<GeneratedDocument>> ProcessControlAsync(Guid dossierId, string actor, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(dossierId, actor, ct);
        if (loaded.Error is { } notFound) return notFound;
        var (d, agency, _) = loaded.Value!;
        if (!ProcessControlApplies(d) || d.Code is not { } code || d.Dates.ReceivedAt is not { } receivedAt || d.Dates.AppointmentAt is not { } appointment)
            return NotApplicable("not-received", ProcessControl, "hồ sơ chưa được tiếp nhận đủ thành phần nên chưa có ngày hẹn trả kết quả",
                "the dossier was not received complete, so it has no appointment");

        var unitIds = HandOffs.Units(d.Events).Append(d.ProcessingUnitId).Distinct().ToList();
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var handOffs = HandOffs.From(d.Events, await StepTitlesAsync(d.Id, ct), unitNames);
        var form = new ProcessControlForm(agency, code, d.ProcedureName, d.Applicant.FullName, unitNames.GetValueOrDefault(d.ProcessingUnitId),
            FormMapping.Vn(receivedAt), FormMapping.Vn(appointment), handOffs, Result(d));
        return GeneratedDocument.FromPdf($"phieu-kiem-soat-{code}", FormRenderer.Render(form));
    }

    /// <summary>Step titles of the dossier's workflow instance, as its work items were opened.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StepTitlesAsync(Guid dossierId, CancellationToken ct)
    {
        var instanceId = await db.Dossiers.AsNoTracking().Where(x => x.Id == dossierId).Select(x => x.WorkflowInstanceId).SingleAsync(ct);
        return instanceId is { } id ? await instances.StepTitlesAsync(id, ct) : new Dictionary<string, string>();
    }

    /// <summary>The sheet's last line: judged as the dossier was when its result was ready (the on-time statistics' judgement).</summary>
    private static string? Result(DossierDetails d)
    {
        var timeliness = d.Outcome.Timeliness?.Vietnamese().ToLowerInvariant();
        return d.Status switch
        {
            DossierStatus.Returned => $"Đã trả kết quả {timeliness}".TrimEnd(),
            DossierStatus.Finished => $"Đã giải quyết xong {timeliness}, chờ trả kết quả".Replace(" ,", ","),
            DossierStatus.NotAccepted or DossierStatus.Stopped => $"Từ chối giải quyết hồ sơ. Lý do: {d.Outcome.ResultNote}",
            DossierStatus.Withdrawn => "Công dân rút hồ sơ",
            _ => null,
        };
    }
}
