using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Procedures.Calendar;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;

namespace Procedures.Documents;

/// <summary>Form 06 of <paramref name="UnitId"/>: the dossiers received there from <paramref name="From"/> to <paramref name="To"/>, Vietnam calendar dates, both included.</summary>
public sealed record RegisterQuery(string Actor, Guid UnitId, DateOnly From, DateOnly To);

public sealed partial class DossierDocuments
{
    /// <summary>
    /// The register (sổ theo dõi hồ sơ) for the officials of the unit: the dossiers it received, that is accepted with an
    /// appointment (a refusal or an incomplete dossier at the counter gets Form 03 or 02, not a line here), numbered in
    /// order of reception, with their current appointment and status. Officials of other units are Forbidden.
    /// </summary>
    public async Task<DomainResult<GeneratedDocument>> RegisterAsync(RegisterQuery query, CancellationToken ct = default)
    {
        if (query.To < query.From)
            return DomainError.Invalid("to", "range-reversed", "Ngày cuối kỳ phải từ ngày đầu kỳ trở đi.", "The range must not end before it starts.");
        if (query.To > query.From.AddYears(1))
            return DomainError.Invalid("to", "range-too-long", "Sổ theo dõi lập cho tối đa một năm.", "A register covers one year at most.");
        var actor = await officials.FindAsync(query.Actor ?? "", ct);
        if (actor is null || !actor.BelongsTo(query.UnitId))
            return DomainError.Forbidden("Chỉ cán bộ của đơn vị mới xem được sổ theo dõi hồ sơ của đơn vị.", "Only officials of the unit may see its register.");

        var (start, end) = (StartOf(query.From), StartOf(query.To.AddDays(1)));
        var received = await db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivingUnitId == query.UnitId && d.Code != null && d.ReceivedAt >= start && d.ReceivedAt < end && d.AppointmentAt != null)
            .Join(db.Procedures, d => d.ProcedureId, p => p.Id, (d, p) => new
            {
                d.Code, Procedure = p.Name, Applicant = d.Applicant.FullName, ReceivedAt = d.ReceivedAt!.Value, AppointmentAt = d.AppointmentAt!.Value,
                d.ReturnedAt, d.Status,
            })
            .OrderBy(x => x.ReceivedAt).ThenBy(x => x.Code).ToListAsync(ct);
        var rows = received.Select((x, i) => new RegisterRow(i + 1, x.Code!, x.Procedure, x.Applicant, FormMapping.Vn(x.ReceivedAt),
            FormMapping.Vn(x.AppointmentAt), FormMapping.Vn(x.ReturnedAt), x.Status.Vietnamese())).ToList();

        var agency = await AgencyAsync(query.UnitId, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"so-theo-doi-ho-so-{agency.Code}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}");
        return GeneratedDocument.FromPdf(name, FormRenderer.Render(new RegisterForm(agency, query.From, query.To, rows)));
    }

    private static DateTimeOffset StartOf(DateOnly day) =>
        Common.VietnamTime.StartOf(day);
}
