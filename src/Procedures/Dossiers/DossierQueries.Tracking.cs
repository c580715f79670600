using Microsoft.EntityFrameworkCore;
using Procedures.Common;

namespace Procedures.Dossiers;

/// <summary>
/// What the public portal shows for a dossier: status and dates, never personal data. While the dossier waits for the
/// citizen's supplement the appointment is not shown (the clock restarts from the complete dossier, so the old date no
/// longer holds) and <paramref name="SupplementDueAt"/> with <paramref name="WaitingVi"/>/<paramref name="WaitingEn"/> say
/// until when the citizen has; once the supplement is in, the new appointment is shown. <paramref name="SignedResultReady"/>: the
/// signed electronic result can be downloaded with the same code and second factor.
/// </summary>
public sealed record DossierTracking(
    string Code, DossierStatus Status, int StatusCode, string StatusVi, string StatusEn, string ProcedureName, string ReceivingUnitName,
    IReadOnlyList<string> CurrentSteps, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt, DateTimeOffset? FinishedAt, DateTimeOffset? ReturnedAt,
    DateTimeOffset? SupplementDueAt = null, string? WaitingVi = null, string? WaitingEn = null, bool SignedResultReady = false);

public sealed partial class DossierQueries
{
    /// <summary>
    /// Tracking by code plus the last 4 digits of the applicant's phone or identity number. An unknown code and a
    /// wrong second factor give the same NotFound, so the answer tells nothing about which was wrong. Attempt
    /// limits belong to the API's rate limiter. The code may be typed in any case and without the dots (<see cref="DossierCodes.CanonicalAsync"/>).
    /// </summary>
    public async Task<DomainResult<DossierTracking>> TrackAsync(string code, string secondFactor, CancellationToken ct = default)
    {
        if (await TrackedAsync(code, secondFactor, ct) is not { } d) return DossierWork.NoSuchDossier;

        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Id == d.ProcedureId).Select(p => p.Name).SingleAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == d.ReceivingUnitId).Select(u => u.Name).SingleAsync(ct);
        var steps = d.WorkflowInstanceId is { } id && await instances.GetAsync(id, ct) is { } view
            ? view.OpenWorkItems.Select(w => w.Title ?? w.StepId).Distinct().ToList()
            : [];
        if (d.Status == DossierStatus.SupplementRequested && d.SupplementDueAt is { } due)
        {
            var local = due.ToOffset(Calendar.VietnameseCalendar.UtcOffset);
            return new DossierTracking(d.Code!, d.Status, (int)d.Status, d.Status.Vietnamese(), d.Status.English(), procedure, unit, steps,
                d.ReceivedAt, null, d.FinishedAt, d.ReturnedAt, due,
                $"Đang chờ bổ sung hồ sơ đến {local:HH:mm} ngày {local:dd/MM/yyyy}",
                $"Waiting for your supplement until {local:HH:mm} on {local:dd/MM/yyyy}");
        }
        var signed = await db.Database.SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM procedures.signed_results WHERE dossier_id = {d.Id} AND kind = 'result') AS \"Value\"")
            .SingleAsync(ct);
        return new DossierTracking(d.Code!, d.Status, (int)d.Status, d.Status.Vietnamese(), d.Status.English(), procedure, unit, steps,
            d.ReceivedAt, d.AppointmentAt, d.FinishedAt, d.ReturnedAt, SignedResultReady: signed);
    }

    /// <summary>The dossier the code and second factor open, as <see cref="TrackAsync"/> checks them (for the signed result's download); null otherwise.</summary>
    public async Task<Guid?> TrackedIdAsync(string code, string secondFactor, CancellationToken ct = default) =>
        (await TrackedAsync(code, secondFactor, ct))?.Id;

    private async Task<Dossier?> TrackedAsync(string code, string secondFactor, CancellationToken ct)
    {
        var factor = new string((secondFactor ?? "").Where(char.IsAsciiDigit).ToArray());
        if (factor.Length != 4 || (secondFactor ?? "").Trim().Length != 4 || string.IsNullOrWhiteSpace(code)) return null;
        // As people type it from a receipt or an SMS: any case, with or without the unit code's dots.
        var wanted = await DossierCodes.CanonicalAsync(db, code, ct);
        var d = await db.Dossiers.AsNoTracking().SingleOrDefaultAsync(x => x.Code == wanted, ct);
        return d is null || !(EndsWith(d.Applicant.Phone, factor) || EndsWith(d.Applicant.IdNumber, factor)) ? null : d;
    }

    private static bool EndsWith(string? value, string factor)
    {
        var digits = new string((value ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 && digits.EndsWith(factor, StringComparison.Ordinal);
    }
}
