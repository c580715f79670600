using Procedures.Organisation;

namespace Worker.Sla;

/// <summary>
/// Who hears about which threshold. Work: the person holding it (or, unassigned, the holders of its role in its unit)
/// from due soon on; overdue also goes to the section head, and long overdue to the unit leader. Dossiers: the
/// processing unit's section heads, and its leaders once overdue or when the apology is due.
/// "Due soon" and "due today" are passed over, neither told nor recorded, once a later threshold of
/// <see cref="Thresholds.Ordered"/> is crossed in the same sweep or already recorded: a burst of overdue work writes one
/// alert row per threshold somebody hears about, and since the later threshold stays recorded, no later sweep (or one
/// resumed after a restart) raises the earlier ones again.
/// </summary>
public static class AlertPolicy
{
    public static IEnumerable<PendingAlert> For(SlaSubject s, IReadOnlyList<string> crossed, OrganisationSnapshot org, DateOnly? apologyDay = null)
    {
        var fresh = crossed.Where(t => !s.Raised.Contains(t)).ToList();
        var latest = fresh.Concat(s.Raised).Select(t => Thresholds.Ordered.IndexOf(t)).DefaultIfEmpty(-1).Max();
        foreach (var threshold in fresh)
        {
            if (threshold is Thresholds.DueSoon or Thresholds.DueToday && Thresholds.Ordered.IndexOf(threshold) < latest) continue;
            var (title, body) = AlertTexts.For(s, threshold, apologyDay);
            yield return new PendingAlert(s, threshold, Recipients(s, threshold, org), title, body);
        }
    }

    private static IReadOnlyList<string> Recipients(SlaSubject s, string threshold, OrganisationSnapshot org)
    {
        IEnumerable<Person> people = s.Kind == SlaSubject.Dossier
            ? threshold is Thresholds.Overdue or Thresholds.ApologyDue
                ? org.Nearest(s.UnitId, Role.SectionHead).Concat(org.Nearest(s.UnitId, Role.UnitLeader))
                : org.Nearest(s.UnitId, Role.SectionHead)
            : threshold switch
            {
                Thresholds.Escalated => org.Nearest(s.UnitId, Role.UnitLeader),
                Thresholds.Overdue => Responsible(s, org).Concat(org.Nearest(s.UnitId, Role.SectionHead)),
                _ => Responsible(s, org),
            };
        return people.Select(p => p.UserName).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<Person> Responsible(SlaSubject s, OrganisationSnapshot org) =>
        s.Assignee is { } user ? [new Person(user, user, null)] : org.Nearest(s.UnitId, s.Role);
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
