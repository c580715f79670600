using Procedures.Organisation;

namespace Worker.Sla;

/// <summary>
/// Who hears about which threshold. Work: the person holding it (or, unassigned, the holders of its role in its unit)
/// from due soon on; overdue also goes to the section head, and long overdue to the unit leader. Dossiers: the
/// processing unit's section heads, and its leaders once overdue or when the apology is due.
/// When one sweep finds several new thresholds, "due soon" and "due today" are recorded silently under a later one.
/// </summary>
public static class AlertPolicy
{
    public static IEnumerable<PendingAlert> For(SlaSubject s, IReadOnlyList<string> crossed, OrganisationSnapshot org, DateOnly? apologyDay = null)
    {
        var fresh = crossed.Where(t => !s.Raised.Contains(t)).ToList();
        foreach (var threshold in fresh)
        {
            var superseded = threshold is Thresholds.DueSoon or Thresholds.DueToday
                && fresh.Any(t => Thresholds.Ordered.IndexOf(t) > Thresholds.Ordered.IndexOf(threshold));
            var recipients = superseded ? [] : Recipients(s, threshold, org);
            var (title, body) = AlertTexts.For(s, threshold, apologyDay);
            yield return new PendingAlert(s, threshold, recipients, title, body);
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
