using Microsoft.EntityFrameworkCore;
using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.ReferenceData;

namespace Procedures.Dossiers;

/// <summary>The checks of reception shared by the counter, online submission and the clerk's check of it.</summary>
internal static class ReceptionRules
{
    public static Task<DomainResult<Procedure>> ProcedureAsync(ProceduresDb db, Guid procedureId, Channel channel, CancellationToken ct) =>
        ProcedureAsync(db, ReferenceCache.Uncached(), procedureId, channel, ct);

    /// <summary>The procedure, through <paramref name="reference"/>: Invalid when unknown, no longer in force or not received on <paramref name="channel"/>.</summary>
    public static async Task<DomainResult<Procedure>> ProcedureAsync(ProceduresDb db, ReferenceCache.Snapshot reference, Guid procedureId, Channel channel,
        CancellationToken ct)
    {
        var procedure = await reference.ProcedureAsync(db, procedureId, ct);
        if (procedure is null)
            return DomainError.Invalid("procedureId", "unknown-procedure", "Không có thủ tục hành chính này.", "No such procedure.");
        if (!procedure.IsActive)
            return DomainError.Invalid("procedureId", "procedure-inactive", "Thủ tục hành chính này không còn áp dụng.", "This procedure is no longer in force.");
        if (!procedure.Channels.Contains(channel))
            return DomainError.Invalid("channel", "channel-not-allowed", $"Thủ tục này không tiếp nhận qua kênh {channel}.",
                $"This procedure is not received through the {channel} channel.");
        return procedure;
    }

    /// <summary>
    /// The unit that processes the dossier and its workflow, from competence effective today: the unit asked for,
    /// or else the nearest competent unit from the receiving unit up its tree (a commune's one-stop shop routes
    /// to its commune). Reception across boundaries within the province names the unit explicitly.
    /// </summary>
    public static Task<DomainResult<Competence>> CompetenceAsync(ProceduresDb db, Guid procedureId, Unit receivingUnit,
        Guid? processingUnitId, DateOnly today, CancellationToken ct) =>
        CompetenceAsync(db, ReferenceCache.Uncached(), procedureId, receivingUnit, processingUnitId, today, ct);

    public static async Task<DomainResult<Competence>> CompetenceAsync(ProceduresDb db, ReferenceCache.Snapshot reference, Guid procedureId,
        Unit receivingUnit, Guid? processingUnitId, DateOnly today, CancellationToken ct)
    {
        var competences = (await reference.CompetencesAsync(db, procedureId, ct)).Where(c => c.IsEffectiveOn(today)).ToList();
        if (processingUnitId is { } asked)
            return competences.FirstOrDefault(c => c.UnitId == asked) is { } named ? named
                : DomainError.Invalid("processingUnitId", "unit-not-competent", "Đơn vị này không có thẩm quyền giải quyết thủ tục vào ngày hôm nay.",
                    "This unit is not competent for the procedure today.");
        var ancestry = receivingUnit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Guid.TryParse(s, out var id) ? id : Guid.Empty).Append(receivingUnit.Id).Reverse().Distinct().ToList();
        foreach (var unitId in ancestry)
            if (competences.FirstOrDefault(c => c.UnitId == unitId) is { } found) return found;
        return DomainError.Invalid("processingUnitId", "unit-not-competent",
            "Không có đơn vị có thẩm quyền giải quyết thủ tục này cho nơi tiếp nhận; hãy chọn đơn vị xử lý.",
            "No unit is competent for this procedure for the receiving unit; name the processing unit.");
    }

    /// <summary>The dossier's document rows from what was handed in; Invalid naming <c>documents</c> for a paper of another procedure.</summary>
    public static DomainResult<List<DossierDocument>> Documents(Procedure procedure, IReadOnlyList<HandedDocument> handed, Guid dossierId, bool fromSupplement)
    {
        var known = procedure.RequiredDocuments.ToDictionary(d => d.Id);
        if (handed.FirstOrDefault(h => h.ProcedureDocumentId is { } id && !known.ContainsKey(id) || h.ProcedureDocumentId is null && string.IsNullOrWhiteSpace(h.Name)) is { } bad)
            return DomainError.Invalid("documents", "unknown-document", "Giấy tờ không thuộc thành phần hồ sơ của thủ tục.",
                $"Document {bad.ProcedureDocumentId?.ToString() ?? "(no name)"} is not one of the procedure's documents.");
        if (handed.FirstOrDefault(h => h.DigitisedOriginal && h.AttachmentId is null) is { } unscanned)
            return DomainError.Invalid("documents", "digitised-without-scan",
                $"Giấy tờ \"{unscanned.Name ?? procedure.RequiredDocuments.FirstOrDefault(d => d.Id == unscanned.ProcedureDocumentId)?.Name}\" được đánh dấu là bản số hóa từ bản gốc nhưng chưa có bản quét.",
                "A document marked as the digitised original has no scan attached.");
        var byId = handed.Where(h => h.ProcedureDocumentId is not null).GroupBy(h => h.ProcedureDocumentId!.Value).ToDictionary(g => g.Key, g => g.First());
        var rows = procedure.RequiredDocuments.OrderBy(d => d.Order).Select(d => new DossierDocument
        {
            Id = Guid.CreateVersion7(), DossierId = dossierId, ProcedureDocumentId = d.Id, Name = d.Name,
            Copies = byId.GetValueOrDefault(d.Id)?.Copies ?? d.Copies, Form = byId.GetValueOrDefault(d.Id)?.Form ?? d.Form,
            Provided = byId.ContainsKey(d.Id), AttachmentId = byId.GetValueOrDefault(d.Id)?.AttachmentId, FromSupplement = fromSupplement && byId.ContainsKey(d.Id),
            DigitisedOriginal = byId.GetValueOrDefault(d.Id)?.DigitisedOriginal ?? false,
        }).ToList();
        rows.AddRange(handed.Where(h => h.ProcedureDocumentId is null).Select(h => new DossierDocument
        {
            Id = Guid.CreateVersion7(), DossierId = dossierId, Name = h.Name!.Trim(), Copies = h.Copies ?? 1, Form = h.Form ?? DocumentForm.Copy,
            Provided = true, AttachmentId = h.AttachmentId, FromSupplement = fromSupplement, DigitisedOriginal = h.DigitisedOriginal,
        }));
        return rows;
    }

    /// <summary>Names of the required (not optional) documents still missing.</summary>
    public static List<string> Missing(Procedure procedure, IEnumerable<DossierDocument> documents)
    {
        var provided = documents.Where(d => d.Provided && d.ProcedureDocumentId is not null).Select(d => d.ProcedureDocumentId!.Value).ToHashSet();
        return procedure.RequiredDocuments.Where(d => !d.IsOptional && !provided.Contains(d.Id)).OrderBy(d => d.Order).Select(d => d.Name).ToList();
    }

    public static DomainError Incomplete(IReadOnlyList<string> missing) => DomainError.Invalid("documents", "documents-missing",
        $"Hồ sơ chưa đủ thành phần bắt buộc: {string.Join("; ", missing)}.", $"Required documents are missing: {string.Join("; ", missing)}.");
}
