using System.Globalization;
using System.Text;
using Engine.Queries;
using Npgsql;
using Procedures.Calendar;

namespace Worker.Sla;

/// <summary>
/// Each working morning, one email per official summarising the open work they hold (or could take, by role in
/// their unit) that is overdue, due today or due soon. Queued in the delivery log under the key
/// <c>digest:&lt;user&gt;:&lt;date&gt;</c>, so running the job twice the same day sends one digest.
/// </summary>
public sealed class DailyDigest(NpgsqlDataSource dataSource, CalendarProvider calendars, SlaSettings settings, TimeProvider clock)
{
    public const string Event = "daily-digest";

    private const string OpenDueSql = $"""
        SELECT wi.id, coalesce(wi.title, wi.step_id), wi.business_key, wi.unit_id, wi.role, coalesce(wi.assignee, wi.claimed_by), wi.created_at, wi.due_at
        FROM {EngineReadModel.WorkItems} wi WHERE wi.status = 'Open' AND wi.due_at <= $1
        """;

    /// <summary>Returns how many digests were queued (0 on a day off).</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var calendar = calendars.Current;
        var today = Thresholds.VietnamDay(now);
        if (!calendar.IsWorkingDay(today)) return 0;

        var items = new List<SlaSubject>();
        await using (var command = dataSource.CreateCommand(OpenDueSql))
        {
            command.Parameters.Add(new() { Value = Thresholds.Horizon(calendar, settings, now).ToUniversalTime() });
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                items.Add(new SlaSubject(r.GetGuid(0), SlaSubject.WorkItem, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), null,
                    r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                    r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateTimeOffset>(7), new HashSet<string>()));
        }
        var org = await OrganisationSnapshot.LoadAsync(dataSource, items.Select(i => i.UnitId), today, ct);
        var byPerson = new Dictionary<string, List<(SlaSubject Item, string State)>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var state = Thresholds.Crossed(calendar, settings, item.CreatedAt, item.DueAt, item.UnitId, now).LastOrDefault();
            if (state is null) continue;
            var holders = item.Assignee is { } user ? [user] : org.Nearest(item.UnitId, item.Role).Select(p => p.UserName);
            foreach (var holder in holders)
            {
                if (!byPerson.TryGetValue(holder, out var list)) byPerson[holder] = list = [];
                list.Add((item, state));
            }
        }
        if (byPerson.Count == 0) return 0;
        var emails = await EmailsAsync(byPerson.Keys.ToArray(), ct);
        var queued = 0;
        foreach (var (user, list) in byPerson)
            if (emails.TryGetValue(user, out var person))
                queued += await QueueAsync(user, person, today, list, now, ct);
        return queued;
    }

    private async Task<Dictionary<string, (string Name, string Email)>> EmailsAsync(string[] users, CancellationToken ct)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(
            "SELECT user_name, full_name, email FROM procedures.officials WHERE user_name = ANY($1) AND is_active AND coalesce(email, '') <> ''");
        command.Parameters.Add(new() { Value = users });
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result[r.GetString(0)] = (r.GetString(1), r.GetString(2));
        return result;
    }

    private async Task<int> QueueAsync(string user, (string Name, string Email) person, DateOnly today, List<(SlaSubject Item, string State)> list,
        DateTimeOffset now, CancellationToken ct)
    {
        int Count(string state) => list.Count(x => x.State == state || state == Thresholds.Overdue && x.State == Thresholds.Escalated);
        var date = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var subject = $"Tổng hợp công việc ngày {date}: {Count(Thresholds.Overdue)} quá hạn, {Count(Thresholds.DueToday)} đến hạn hôm nay, {Count(Thresholds.DueSoon)} sắp đến hạn";
        var body = new StringBuilder($"Kính gửi {person.Name},\n\nCác công việc cần chú ý hôm nay:\n");
        foreach (var (item, state) in list.OrderBy(x => x.Item.DueAt))
            body.Append(CultureInfo.InvariantCulture, $"- [{Label(state)}] {item.Title}{(item.Reference is { } r ? $" (hồ sơ {r})" : "")}, hạn {Procedures.Common.VietnamTime.Local(item.DueAt):HH:mm dd/MM/yyyy}\n");
        body.Append("\nISO điện tử");
        await using var command = dataSource.CreateCommand("""
            INSERT INTO notifications.deliveries (id, dedupe_key, event, channel, recipient, recipient_name, locale, subject, body, status, attempts,
                                                  next_attempt_at, created_at, updated_at)
            VALUES ($1, $2, $3, 'Email', $4, $5, 'vi', $6, $7, 'Queued', 0, $8, $8, $8)
            ON CONFLICT (dedupe_key) DO NOTHING
            """);
        foreach (var v in new object[] { Guid.CreateVersion7(), $"digest:{user}:{today:yyyy-MM-dd}", Event, person.Email, person.Name, subject, body.ToString(), now })
            command.Parameters.Add(new() { Value = v });
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static string Label(string state) => state switch
    {
        Thresholds.DueSoon => "Sắp đến hạn",
        Thresholds.DueToday => "Đến hạn hôm nay",
        _ => "Quá hạn",
    };
}
