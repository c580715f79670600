using Engine.Definitions;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Generator;

/// <summary>One generated dossier: the columns the statistics and the registers read.</summary>
internal sealed record SampleDossier(Guid Id, string Code, Guid ProcedureId, Guid UnitId, Channel Channel, DossierStatus Status,
    DateTimeOffset ReceivedAt, string Clerk, string? Specialist, DateTimeOffset? ClockStartedAt, DateTimeOffset? AppointmentAt,
    DateTimeOffset? OriginalAppointmentAt, DateTimeOffset? SupplementRequestedAt, DateTimeOffset? ApologyAt, Guid? DelayUnitId,
    DateTimeOffset? FinishedAt, DossierResult? Result, decimal Fee);

/// <summary>
/// Deterministic dossiers from one seed: received on working days in office hours over two years up to the load's
/// reference instant; mostly settled early or on time, one in ten late (some with an apology naming the delaying
/// unit), a few refused, not accepted, withdrawn or sent back for a supplement; those whose result would come after
/// the reference instant are still open.
/// </summary>
internal sealed class SampleDossiers(LoadOrg org, VietnameseCalendar calendar, Random rng, DateTimeOffset reference)
{
    private readonly DateOnly[] _days = WorkingDays(calendar, Procedures.Statistics.Slices.LocalDate(reference).AddYears(-2), Procedures.Statistics.Slices.LocalDate(reference));
    private readonly LoadUnit[][] _byProvince = [.. org.Units.GroupBy(u => u.Province).OrderBy(g => g.Key).Select(g => g.ToArray())];
    private readonly double[][] _weights = [.. org.Units.GroupBy(u => u.Province).OrderBy(g => g.Key).Select(g => Cumulative(g.Select(u => u.Weight)))];

    public SampleDossier Next(int index)
    {
        var province = rng.Next(_byProvince.Length);
        var unit = _byProvince[province][Pick(_weights[province], rng.NextDouble())];
        var procedure = org.Procedures[rng.Next(org.Procedures.Count)];
        var day = _days[rng.Next(_days.Length)];
        var minute = rng.Next(450); // 7.5 office hours
        var time = minute < 240 ? new TimeOnly(7, 30).AddMinutes(minute) : new TimeOnly(13, 30).AddMinutes(minute - 240);
        var received = new DateTimeOffset(day.ToDateTime(time), TimeSpan.FromHours(7)).ToUniversalTime();
        var channelRoll = rng.NextDouble();
        var channel = channelRoll < 0.6 ? Channel.Counter : channelRoll < 0.95 ? Channel.Online : Channel.Post;
        var specialist = unit.Specialists[rng.Next(unit.Specialists.Length)];
        var code = $"{index:D9}";
        var id = SampleProvinces.Id(rng);
        var roll = rng.NextDouble();
        if (roll < 0.02)
            return new SampleDossier(id, code, procedure.Id, unit.Id, channel, DossierStatus.NotAccepted, received, unit.Clerk, null,
                null, null, null, null, null, null, received, DossierResult.Refused, 0);

        var supplement = roll is >= 0.02 and < 0.07;
        var clock = supplement ? calendar.Add(received, WorkingTime.Days(2 + rng.Next(4))).ToUniversalTime() : received;
        var appointment = calendar.ComputeAppointment(clock, procedure.Limit).ToUniversalTime();
        var budget = (double)Math.Max(calendar.WorkingHoursBetween(clock, appointment), 0.5m);
        var shape = rng.NextDouble();
        var factor = shape < 0.7 ? 0.1 + rng.NextDouble() * 0.7 : shape < 0.9 ? 0.8 + rng.NextDouble() * 0.2 : 1.0 + rng.NextDouble() * 0.8;
        var finished = calendar.Add(clock, WorkingTime.Hours(Math.Round((decimal)(budget * factor), 2))).ToUniversalTime();
        var (status, result) = roll switch
        {
            < 0.09 => (DossierStatus.Stopped, DossierResult.Refused),
            < 0.11 => (DossierStatus.Withdrawn, DossierResult.Withdrawn),
            _ => (DossierStatus.Returned, DossierResult.Approved),
        };
        DateTimeOffset? apology = null;
        Guid? delayUnit = null;
        var current = appointment;
        if (result == DossierResult.Approved && finished > appointment && rng.NextDouble() < 0.4)
        {
            apology = calendar.Add(appointment, WorkingTime.Days(-1)).ToUniversalTime();
            delayUnit = unit.Department is { } department && rng.NextDouble() < 0.5 ? department : unit.Id;
            current = calendar.Add(finished, WorkingTime.Days(1)).ToUniversalTime();
        }
        DateTimeOffset? supplementAt = supplement ? received.AddHours(1) : null;
        if (finished > reference || supplement && clock > reference)
            return new SampleDossier(id, code, procedure.Id, unit.Id, channel,
                supplement && clock > reference ? DossierStatus.SupplementRequested : DossierStatus.Processing, received, unit.Clerk, specialist,
                supplement && clock > reference ? null : clock, supplement && clock > reference ? null : current,
                supplement && clock > reference ? null : appointment, supplementAt, apology > reference ? null : apology,
                apology > reference ? null : delayUnit, null, null, procedure.Fee);
        return new SampleDossier(id, code, procedure.Id, unit.Id, channel, status, received, unit.Clerk, specialist, clock, current, appointment,
            supplementAt, apology, delayUnit, finished, result, procedure.Fee);
    }

    private static DateOnly[] WorkingDays(VietnameseCalendar calendar, DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
            if (calendar.IsWorkingDay(d)) days.Add(d);
        return [.. days];
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToList();
        var total = list.Sum();
        var running = 0.0;
        return [.. list.Select(w => (running += w) / total)];
    }

    private static int Pick(double[] cumulative, double roll)
    {
        var i = Array.BinarySearch(cumulative, roll);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
