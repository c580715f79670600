using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Forms;
using Procedures.Organisation;
using Procedures.Persistence;
using Procedures.Statistics;

namespace Procedures.Reports;

/// <summary>The register of dossiers received (Form 06) by the unit and the units below it, for the days <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record GetDossierRegister(Guid UnitId, DateOnly From, DateOnly To);

public sealed record DossierRegisterView(Guid UnitId, string UnitCode, string UnitName, DateOnly From, DateOnly To, IReadOnlyList<RegisterRow> Rows);

public sealed class DossierRegisterQuery(ProceduresDb db, TimeProvider clock)
{
    private const int Limit = 20_000;

    public async Task<DomainResult<DossierRegisterView>> HandleAsync(Actor actor, GetDossierRegister request, CancellationToken ct = default)
    {
        if (StatisticsScope.CheckPeriod(request.From, request.To, clock.Today()) is { } badPeriod) return badPeriod;
        if (request.To.DayNumber - request.From.DayNumber > 366)
            return DomainError.Invalid("to", "register-too-long", "Sổ theo dõi in tối đa một năm.", "A register covers at most one year.");
        var resolved = await StatisticsScope.ResolveAsync(db, actor, request.UnitId, null, null, null, ct);
        if (resolved.Error is { } denied) return denied;
        var scope = resolved.Value!;
        var units = scope.Units.Select(u => u.Id).ToList();
        var (start, end) = (Slices.Start(request.From), Slices.Start(request.To.AddDays(1)));
        var rows = await (from d in db.Dossiers.AsNoTracking()
                          join p in db.Procedures.AsNoTracking() on d.ProcedureId equals p.Id
                          where units.Contains(d.ReceivingUnitId) && d.ReceivedAt >= start && d.ReceivedAt < end
                          orderby d.ReceivedAt, d.Code
                          select new { d.Code, p.Name, d.Applicant.FullName, d.Applicant.OrganisationName, d.ReceivedAt, d.AppointmentAt, d.ReturnedAt, d.Status })
            .Take(Limit).ToListAsync(ct);
        return new DossierRegisterView(scope.Root.Id, scope.Root.Code, scope.Root.Name, request.From, request.To, rows.Select((r, i) => new RegisterRow(
            i + 1, r.Code ?? "", r.Name, r.OrganisationName ?? r.FullName, r.ReceivedAt!.Value, r.AppointmentAt ?? r.ReceivedAt!.Value, r.ReturnedAt,
            r.Status.Vietnamese())).ToList());
    }

    public static byte[] Pdf(DossierRegisterView register, FormAgency agency) =>
        FormRenderer.Render(new RegisterForm(agency, register.From, register.To, register.Rows));

    public static byte[] Excel(DossierRegisterView register) => ExcelExport.Workbook(new ExcelExport.Sheet("So theo doi", "SỔ THEO DÕI HỒ SƠ",
        $"{register.UnitName}: từ ngày {VietnameseFormat.Date(register.From)} đến ngày {VietnameseFormat.Date(register.To)}",
        ["STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Tên cá nhân, tổ chức", "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả", "Tình trạng"],
        register.Rows.Select(r => (IReadOnlyList<object?>)[r.No, r.DossierCode, r.ProcedureName, r.ApplicantName, r.ReceivedAt, r.AppointmentAt, r.ReturnedAt, r.Status])));
}
