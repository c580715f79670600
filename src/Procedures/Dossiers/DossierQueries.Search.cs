using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;

namespace Procedures.Dossiers;

public enum DossierSort { ReceivedNewest, ReceivedOldest, AppointmentSoonest, Code }

/// <summary>Search of the dossiers of the actor's units; received dates are Vietnam calendar dates, both ends included.</summary>
public sealed record DossierSearch(
    string Actor, string? Code = null, string? ApplicantName = null, string? IdNumber = null, string? Phone = null,
    Guid? ProcedureId = null, Guid? UnitId = null, DossierStatus? Status = null, DateOnly? ReceivedFrom = null, DateOnly? ReceivedTo = null,
    DossierSort Sort = DossierSort.ReceivedNewest, int Page = 1, int PageSize = 20);

public sealed record DossierSummary(Guid Id, string? Code, DossierStatus Status, string ApplicantName, Guid ProcedureId,
    Guid ReceivingUnitId, Guid ProcessingUnitId, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt, Timeliness? Timeliness);

public sealed record DossierPage(IReadOnlyList<DossierSummary> Items, int Total, int Page, int PageSize);

public sealed partial class DossierQueries
{
    public async Task<DomainResult<DossierPage>> SearchAsync(DossierSearch search, CancellationToken ct = default)
    {
        if (search.Page < 1) return DomainError.Invalid("page", "out-of-range", "Số trang phải từ 1.", "Page must be 1 or more.");
        if (search.PageSize is < 1 or > 200) return DomainError.Invalid("pageSize", "out-of-range", "Cỡ trang từ 1 đến 200.", "Page size must be 1 to 200.");
        if (InputRanges.Period(search.ReceivedFrom, search.ReceivedTo, "receivedFrom", "receivedTo") is { } badDate) return badDate;
        // Stored text is clean NFC (CleanTextOnSave): the terms must be too, or a name typed with combining marks finds nothing.
        search = search with
        {
            Code = CleanText.ForSearch(search.Code), ApplicantName = CleanText.ForSearch(search.ApplicantName),
            IdNumber = CleanText.ForSearch(search.IdNumber), Phone = CleanText.ForSearch(search.Phone),
        };
        var actor = await officials.FindAsync(search.Actor ?? "", ct);
        if (actor is null) return DomainError.Forbidden("Không xác định được cán bộ.", "Unknown official.");
        var units = actor.UnitIds.ToList();
        var q = db.Dossiers.AsNoTracking().Where(d => units.Contains(d.ReceivingUnitId) || units.Contains(d.ProcessingUnitId)
            || db.Consultations.Any(c => c.DossierId == d.Id && units.Contains(c.ConsultedUnitId)));
        if (!string.IsNullOrWhiteSpace(search.Code)) q = q.Where(d => d.Code == search.Code.Trim());
        if (!string.IsNullOrWhiteSpace(search.ApplicantName)) q = q.Where(d => EF.Functions.ILike(d.Applicant.FullName, $"%{Escape(search.ApplicantName.Trim())}%", "\\"));
        if (!string.IsNullOrWhiteSpace(search.IdNumber)) q = q.Where(d => d.Applicant.IdNumber == search.IdNumber.Trim());
        if (!string.IsNullOrWhiteSpace(search.Phone)) q = q.Where(d => d.Applicant.Phone == search.Phone.Trim());
        if (search.ProcedureId is { } procedureId) q = q.Where(d => d.ProcedureId == procedureId);
        if (search.UnitId is { } unitId) q = q.Where(d => d.ReceivingUnitId == unitId || d.ProcessingUnitId == unitId);
        if (search.Status is { } status) q = q.Where(d => d.Status == status);
        if (search.ReceivedFrom is { } from) { var start = StartOf(from); q = q.Where(d => d.ReceivedAt >= start); }
        if (search.ReceivedTo is { } to) { var end = StartOf(to.AddDays(1)); q = q.Where(d => d.ReceivedAt < end); }
        var total = await q.CountAsync(ct);
        q = search.Sort switch
        {
            DossierSort.ReceivedOldest => q.OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id),
            DossierSort.AppointmentSoonest => q.OrderBy(d => d.AppointmentAt).ThenBy(d => d.Id),
            DossierSort.Code => q.OrderBy(d => d.Code).ThenBy(d => d.Id),
            _ => q.OrderByDescending(d => d.ReceivedAt ?? d.SubmittedAt).ThenByDescending(d => d.Id),
        };
        var items = await q.Skip((search.Page - 1) * search.PageSize).Take(search.PageSize)
            .Select(d => new DossierSummary(d.Id, d.Code, d.Status, d.Applicant.FullName, d.ProcedureId, d.ReceivingUnitId, d.ProcessingUnitId,
                d.ReceivedAt, d.AppointmentAt, d.Timeliness))
            .ToListAsync(ct);
        return new DossierPage(items, total, search.Page, search.PageSize);
    }

    private static DateTimeOffset StartOf(DateOnly day) => VietnamTime.StartOf(day);

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
