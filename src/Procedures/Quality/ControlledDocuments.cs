using Engine.Definitions;
using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Quality;

/// <summary>Records a new version of a controlled document; the previous version of the same code is superseded from its effective date.</summary>
public sealed record RecordControlledDocument(Guid UnitId, string Code, string Title, DocumentKind Kind, string Version, DateOnly EffectiveFrom,
    string ApprovedBy, string? Note = null);

public sealed record ListDocumentRegister(Guid UnitId, string? Text = null, bool CurrentOnly = false);

/// <param name="Source"><c>record</c> (kept here), <c>workflow</c> (a published workflow definition), <c>form</c> (a form of the catalogue or Circular 01/2018).</param>
public sealed record DocumentRegisterRow(string Source, string Kind, string Code, string Title, string Version, DateOnly? EffectiveFrom,
    string? ApprovedBy, DateTimeOffset? ApprovedAt, bool IsCurrent);

/// <summary>
/// Document control (kiểm soát tài liệu): the unit's own records, the workflow definitions its competences run
/// (versions, published by and when, from the engine's definition store) and the forms in use.
/// </summary>
public sealed class ControlledDocumentsHandler(ProceduresDb db, DefinitionStore definitions, TimeProvider clock)
{
    /// <summary>The printed forms of Circular 01/2018/TT-VPCP the system issues, in force since 21 August 2018.</summary>
    private static readonly (string Code, string Title)[] CircularForms =
    [
        ("Mẫu 01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), ("Mẫu 02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        ("Mẫu 03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"), ("Mẫu 04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
        ("Mẫu 05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"), ("Mẫu 06", "Sổ theo dõi hồ sơ"),
    ];

    public async Task<DomainResult<DocumentRegisterRow>> HandleAsync(Actor actor, RecordControlledDocument request, CancellationToken ct = default)
    {
        if (QualityAccess.Text(request.Code, "code", "mã tài liệu", "The code", 50) is { } c) return c;
        if (QualityAccess.Text(request.Title, "title", "tên tài liệu", "The title", 500) is { } t) return t;
        if (QualityAccess.Text(request.Version, "version", "lần ban hành", "The version", 20) is { } v) return v;
        if (QualityAccess.Text(request.ApprovedBy, "approvedBy", "người phê duyệt", "The approver", 200) is { } a) return a;
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: true, ct);
        if (unit.Error is { } denied) return denied;
        var (code, version) = (request.Code.Trim(), request.Version.Trim());
        var previous = await db.ControlledDocuments.Where(d => d.UnitId == request.UnitId && d.Code == code && d.SupersededOn == null).ToListAsync(ct);
        if (previous.Any(p => p.Version == version))
            return DomainError.Conflict("version-exists", $"Tài liệu {code} đã có lần ban hành {version}.", $"Document {code} already has version {version}.");
        if (previous.Any(p => p.EffectiveFrom >= request.EffectiveFrom))
            return DomainError.Invalid("effectiveFrom", "not-after-current", "Ngày hiệu lực phải sau ngày hiệu lực của lần ban hành hiện hành.",
                "The new version must take effect after the current one.");
        foreach (var p in previous) p.SupersededOn = request.EffectiveFrom;
        var document = new ControlledDocument
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), UnitId = request.UnitId, Code = code, Title = request.Title.Trim(), Kind = request.Kind,
            Version = version, EffectiveFrom = request.EffectiveFrom, ApprovedBy = request.ApprovedBy.Trim(), ApprovedAt = clock.GetUtcNow(),
            Note = request.Note?.Trim(),
        };
        db.ControlledDocuments.Add(document);
        await db.SaveChangesAsync(ct);
        return Row(document, clock.Today());
    }

    public async Task<DomainResult<IReadOnlyList<DocumentRegisterRow>>> HandleAsync(Actor actor, ListDocumentRegister request, CancellationToken ct = default)
    {
        var unit = await QualityAccess.UnitAsync(db, actor, request.UnitId, write: false, ct);
        if (unit.Error is { } denied) return denied;
        var today = clock.Today();
        var rows = (await db.ControlledDocuments.AsNoTracking().Where(d => d.UnitId == request.UnitId).ToListAsync(ct)).Select(d => Row(d, today)).ToList();

        var subtree = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(unit.Value!.Path)).Select(u => u.Id).ToListAsync(ct);
        var competences = await db.Competences.AsNoTracking().Where(c => subtree.Contains(c.UnitId)).ToListAsync(ct);
        foreach (var definitionId in competences.Select(c => c.WorkflowDefinitionId).Distinct(StringComparer.Ordinal))
            foreach (var version in (await definitions.VersionsAsync(definitionId, ct)).Where(v => v.IsPublished))
                rows.Add(new DocumentRegisterRow("workflow", "Quy trình giải quyết TTHC", version.DefinitionId, version.Title, $"v{version.Version}",
                    version.PublishedAt is { } at ? Statistics.Slices.LocalDate(at) : null, version.PublishedBy, version.PublishedAt,
                    version.IsLatest && version.RetiredAt is null));

        var procedureIds = competences.Where(c => c.IsEffectiveOn(today)).Select(c => c.ProcedureId).Distinct().ToList();
        var templates = await db.ProcedureDocuments.AsNoTracking()
            .Where(d => procedureIds.Contains(d.ProcedureId) && d.TemplateName != null).Select(d => d.TemplateName!).Distinct().ToListAsync(ct);
        rows.AddRange(templates.Select(t => new DocumentRegisterRow("form", "Mẫu đơn, tờ khai", t, t, "", null, null, null, true)));
        rows.AddRange(CircularForms.Select(f => new DocumentRegisterRow("form", "Biểu mẫu Thông tư 01/2018/TT-VPCP", f.Code, f.Title, "2018",
            new DateOnly(2018, 8, 21), "Văn phòng Chính phủ", null, true)));

        var text = request.Text?.Trim();
        return rows.Where(r => !request.CurrentOnly || r.IsCurrent)
            .Where(r => string.IsNullOrEmpty(text) || r.Code.Contains(text, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal).ToList();
    }

    private static DocumentRegisterRow Row(ControlledDocument d, DateOnly today) => new("record", d.Kind.ToString(), d.Code, d.Title, d.Version,
        d.EffectiveFrom, d.ApprovedBy, d.ApprovedAt, d.EffectiveFrom <= today && (d.SupersededOn is null || d.SupersededOn > today));
}
