using Engine.Definitions;
using Procedures.Calendar;
using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Procedures.Samples;

/// <summary>A use case of a sample dossier at its moment.</summary>
internal sealed record SampleStep(DateTimeOffset At, SampleMove Move);

/// <summary>One sample dossier: who applies for what, where, and the history it should go through.</summary>
internal sealed record SampleDossierPlan(
    int Number, SampleRoute Route, Procedure Procedure, SampleTarget Target, SampleStaff Staff, ApplicantData Applicant, Guid CitizenAccountId,
    IReadOnlyDictionary<string, string>? Inputs, int? Copies, int? Pages, decimal? FeeByDecision, IReadOnlyList<SampleStep> Steps);

/// <summary>
/// Plans the sample dossiers: targets in fixed shares spread over the procedures and both communes, each history timed
/// on the working calendar so that it ends before <paramref name="now"/> and lands where the target wants it (on time,
/// overdue, a consultation still within or past its deadline). Deterministic for one seed and one <paramref name="now"/>.
/// </summary>
internal sealed class SamplePlanner(SampleProvince province, VietnameseCalendar calendar, DateTimeOffset now, Random rng)
{
    private const int Attempts = 20;

    public List<SampleDossierPlan> Plan(int count)
    {
        var routes = SampleRoute.All.Where(r => province.Workflows.Contains(r.Workflow)).ToList();
        var plans = new List<SampleDossierPlan>();
        foreach (var group in SampleTargets.Spread(count).GroupBy(t => t))
        {
            var eligible = routes.Where(r => group.Key.Fits(r, Online(r))).OrderBy(_ => rng.Next()).ToList();
            if (eligible.Count == 0) continue;
            var i = 0;
            foreach (var target in group) plans.Add(PlanOne(plans.Count + 1, eligible[i++ % eligible.Count], target));
        }
        return plans;
    }

    /// <summary>Online where the catalogue offers it (the submission names the commune police where it processes).</summary>
    private bool Online(SampleRoute route) => province.Procedure(route.Workflow).Channels.Contains(Channel.Online);

    private SampleDossierPlan PlanOne(int number, SampleRoute route, SampleTarget target)
    {
        var procedure = province.Procedure(route.Workflow);
        var staff = SampleStaff.For(route.Office, rng.Next(2) == 1, rng);
        var business = route.Workflow is "household-business-registration" or "business-line-change";
        var applicant = SampleApplicants.Next(rng, staff.Commune, business);
        var online = target.IsOnlineOnly() || Online(route) && target is not (SampleTarget.NotAccepted or SampleTarget.SupplementCompleted) && rng.Next(10) < 3;
        var (moves, consultationAt, weight) = SampleHistories.Moves(route, target, staff, online, rng);
        var hours = ProcessingHours(procedure.TimeLimit, target);
        // Attempts differ in the start: the first that lands where the target wants, or else the first that ends by now, or else what ends by now.
        List<SampleStep>? steps = null, past = null;
        for (var attempt = 0; attempt < Attempts && steps is null; attempt++)
        {
            var timed = Time(moves, route, procedure, staff, target, hours / weight, consultationAt, out var fits, online);
            if (fits) steps = timed;
            else if (timed[^1].At <= now) past ??= timed;
            else if (attempt == Attempts - 1) past ??= timed.TakeWhile(s => s.At <= now).ToList();
        }
        steps ??= past!;
        var (copies, pages) = route.Workflow switch
        {
            "certified-copy" => ((int?)rng.Next(1, 4), (int?)rng.Next(1, 13)),
            "civil-status-extract-copy" => (rng.Next(1, 4), null),
            _ => ((int?)null, (int?)null),
        };
        return new SampleDossierPlan(number, route, procedure, target, staff, applicant, CitizenAccount(),
            route.Inputs(staff, applicant, rng, province.Unit), copies, pages, FeeByDecision(route.Workflow), steps);
    }

    private Guid CitizenAccount()
    {
        var bytes = new byte[16];
        rng.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Working hours spent on the main path: a part of the legal time limit, more than all of it for a late one.</summary>
    private decimal ProcessingHours(LegalTimeLimit limit, SampleTarget target)
    {
        if (limit.Kind == LegalTimeLimitKind.SameDay) return 1 + (decimal)rng.NextDouble() * 4;
        var share = target == SampleTarget.ReturnedLate ? 1.1 + rng.NextDouble() * 0.4 : 0.3 + rng.NextDouble() * 0.6;
        return limit.Amount * 7.5m * (decimal)share;
    }

    private List<SampleStep> Time(IReadOnlyList<SampleMove> moves, SampleRoute route, Procedure procedure, SampleStaff staff, SampleTarget target, decimal hoursPerWeight,
        int? consultationAt, out bool fits, bool online)
    {
        var shop = province.Unit(staff.Shop).ToString();
        var steps = new List<SampleStep>();
        DateTimeOffset? appointment = null, consulted = null;
        var t = Start(target, procedure.TimeLimit, shop, online);
        for (var i = 0; i < moves.Count; i++)
        {
            var move = moves[i];
            var at = i == 0 ? t : move switch
            {
                { Fixed: { } delay } => move.Kind == MoveKind.FireTimers ? t + delay : Hours(t + delay, 0.2),
                { Kind: MoveKind.Return } => Hours(t, procedure.TimeLimit.Kind == LegalTimeLimitKind.SameDay ? 0.2 + rng.NextDouble() * 1.3 : 0.5 + rng.NextDouble() * 12),
                { Kind: MoveKind.CheckOnline } => Hours(t, 0.3 + rng.NextDouble() * 4),
                { Kind: MoveKind.Apologise } => Hours(t, 1 + rng.NextDouble() * 5),
                _ => Hours(t, (double)Math.Max(0.1m, hoursPerWeight * move.Weight)),
            };
            if (move.Kind == MoveKind.Apologise && appointment is { } current)
            {
                var date = NewAppointmentDate(current, target == SampleTarget.OverdueAfterApology);
                move = move with { NewAppointmentDate = date };
                appointment = calendar.EndOfWorkingDay(date, shop);
            }
            if (move is { Kind: MoveKind.Counter or MoveKind.CheckOnline, Decision: ReceptionDecision.Accept } or { Kind: MoveKind.ReceiveSupplement })
                appointment = calendar.ComputeAppointment(at, procedure.TimeLimit, shop);
            if (i == consultationAt) consulted = at;
            steps.Add(new SampleStep(at, move));
            t = at;
        }
        var consultationDue = consulted is { } opened && route.ConsultationBudget is { } budget ? calendar.Add(opened, budget) : (DateTimeOffset?)null;
        fits = steps[^1].At <= now && Fits(target, appointment, consultationDue);
        return steps;
    }

    private bool Fits(SampleTarget target, DateTimeOffset? appointment, DateTimeOffset? consultationDue) => target switch
    {
        SampleTarget.Accepted or SampleTarget.InProgress or SampleTarget.Finished or SampleTarget.Apologised => appointment > now,
        SampleTarget.Overdue or SampleTarget.OverdueAfterApology => appointment < now,
        SampleTarget.ConsultationPending => consultationDue > now,
        SampleTarget.ConsultationLate => consultationDue < now,
        _ => true,
    };

    /// <summary>For a dossier still overdue after it: the next working day or the one after; otherwise a few working days after today.</summary>
    private DateOnly NewAppointmentDate(DateTimeOffset appointment, bool stillOverdue)
    {
        var local = Common.VietnamTime.DateOf(appointment);
        var today = Common.VietnamTime.DateOf(now);
        var date = calendar.NextWorkingDay(stillOverdue || local > today ? local : today);
        for (var extra = stillOverdue ? rng.Next(0, 2) : rng.Next(1, 4); extra > 0; extra--) date = calendar.NextWorkingDay(date);
        return date;
    }

    /// <summary>When the dossier comes in: a working moment (or any hour, online) some days back, per target.</summary>
    private DateTimeOffset Start(SampleTarget target, LegalTimeLimit limit, string shop, bool online)
    {
        var span = limit.Kind == LegalTimeLimitKind.SameDay ? 1 : (int)Math.Ceiling(limit.Amount * 1.45m) + 3;
        var (nearest, farthest) = target switch
        {
            SampleTarget.Registered or SampleTarget.Accepted => (0, 2),
            SampleTarget.SupplementAtReception or SampleTarget.SupplementInProcessing => (0, 12),
            SampleTarget.InProgress or SampleTarget.Finished or SampleTarget.Apologised or SampleTarget.ConsultationPending => (0, span),
            SampleTarget.Overdue or SampleTarget.OverdueAfterApology or SampleTarget.ConsultationLate => (span, span + 20),
            _ => (1, 58),
        };
        var day = Common.VietnamTime.DateOf(now).AddDays(-rng.Next(nearest, farthest + 1));
        while (true)
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), VietnameseCalendar.UtcOffset);
            var start = online ? midnight.AddMinutes(rng.Next(6 * 60, 23 * 60)) : Hours(midnight, 0.1 + rng.NextDouble() * 7);
            if (start <= now) return start;
            day = day.AddDays(-1); // later today, or on a day off that runs into the next working day
        }
    }

    private DateTimeOffset Hours(DateTimeOffset from, double hours) =>
        calendar.Add(from, WorkingTime.Hours(Math.Round((decimal)hours, 2)), null).ToUniversalTime();

    private static decimal? FeeByDecision(string workflow) => workflow switch
    {
        "permanent-residence-registration" => 20_000,
        "temporary-residence-registration" => 15_000,
        "household-business-registration" or "business-line-change" or "land-use-certificate-first-issue" => 100_000,
        "construction-permit-house" => 75_000,
        "marital-status-certificate" => 10_000, // illustrative: the provincial council sets it
        _ => null,
    };
}
