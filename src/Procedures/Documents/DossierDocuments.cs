using Engine.Queries;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Documents;

/// <summary>
/// The official forms (Circular 01/2018/TT-VPCP) produced from real dossiers: Forms 01–05 for one dossier, for the
/// officials who see it through <see cref="DossierQueries.GetAsync"/> (anyone else gets NotFound, so existence does not
/// leak), and the Form 06 register of a unit. A form asked for a dossier in a state it does not fit is a Conflict that
/// names the form. Each form is produced afresh from the dossier's rows, so a reprint shows what the records say now; a form
/// signed when it was issued (03, 04) is answered as signed.
/// </summary>
public sealed partial class DossierDocuments(DossierQueries queries, ProceduresDb db, InstanceQueries instances, OfficialDirectory officials,
    CalendarProvider calendar, DocumentSettings settings, Procedures.Catalogue.SupplementPolicies supplementPolicies, Npgsql.NpgsqlDataSource dataSource)
{
    /// <summary>The form as signed when it was issued, when it was (Forms 03 and 04 with a signer configured): that is the document.</summary>
    private async Task<GeneratedDocument?> SignedAsync(Guid dossierId, string kind, CancellationToken ct) =>
        await Signatures.SignedResults.FindAsync(dataSource, dossierId, null, ct, kind) is { } signed
            ? new GeneratedDocument(signed.FileName, GeneratedDocument.Pdf, signed.Content)
            : null;

    /// <summary>The dossier as its official sees it, with the receiving unit as the agency that speaks to the citizen.</summary>
    private sealed record Source(DossierDetails Dossier, FormAgency Agency, FormApplicant Applicant);

    private async Task<DomainResult<Source>> LoadAsync(Guid dossierId, string actor, CancellationToken ct)
    {
        var details = await queries.GetAsync(dossierId, actor, ct);
        if (details.Error is { } notFound) return notFound;
        var d = details.Value!;
        return new Source(d, await AgencyAsync(d.ReceivingUnitId, ct), FormMapping.Applicant(d.Applicant));
    }

    private async Task<FormAgency> AgencyAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, ct);
        var parent = unit.ParentId is { } parentId ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == parentId, ct) : null;
        return FormMapping.Agency(unit, parent);
    }

    /// <summary>An official's full name as the directory has it now; the user name when the official is gone.</summary>
    private async Task<string> FullNameAsync(string? userName, CancellationToken ct) =>
        userName is null ? "" : (await officials.NamesAsync([userName], ct)).GetValueOrDefault(userName, userName);

    private static DomainError NotApplicable(string code, FormName form, string whyVi, string whyEn) =>
        DomainError.Conflict(code, $"Không lập được {form.Vi}: {whyVi}.", $"{form.En} cannot be produced: {whyEn}.");

    private sealed record FormName(string Vi, string En);

    private static readonly FormName Receipt = new("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)", "Form 01 (receipt and appointment)");
    private static readonly FormName SupplementRequest = new("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)", "Form 02 (supplement request)");
    private static readonly FormName Refusal = new("Phiếu từ chối tiếp nhận giải quyết hồ sơ (Mẫu 03)", "Form 03 (refusal)");
    private static readonly FormName Apology = new("Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)", "Form 04 (apology and new appointment)");
    private static readonly FormName ProcessControl = new("Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05)", "Form 05 (process-control sheet)");
}
