using Engine.Queries;
using Npgsql;
using Procedures.Dossiers;
using Procedures.Organisation;

namespace Api.Dossiers;

public enum InboxScope { Mine, Unit, DueSoon, Overdue }

/// <summary>Orders an inbox page can take; the API uses <see cref="DueSoonest"/>, the web UI lets the official choose.</summary>
public enum InboxSort { DueSoonest, DueLatest, Newest, Oldest, Code }

/// <summary>An open step of a dossier waiting for someone, with what the official needs to pick it up.</summary>
public sealed record InboxItem(
    Guid WorkItemId, Guid DossierId, string? DossierCode, DossierStatus Status, string StepId, string? StepTitle, string Role, Guid? UnitId,
    string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool IsOverdue, string ApplicantName, string ProcedureName,
    DateTimeOffset? AppointmentAt)
{
    /// <summary>The dossier's revision when the row was read: an action taken from the row sends it, so a dossier changed since is not moved.</summary>
    public int DossierRevision { get; init; }
}

/// <summary>A page of an inbox; <c>Total</c> is exact up to 1,000 and <c>TotalIsLowerBound</c> says when there are more.</summary>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize);

/// <summary>
/// Inboxes in one query over the engine's open work items (served by its partial indexes) joined to the dossiers:
/// mine (assigned to me, or in the queue of a role I hold in that unit, unless the dossier is routed to a section or official in
/// charge that is not me: <see cref="DossierRoutes"/>), my units', due soon and overdue in my units.
/// </summary>
public sealed class InboxQuery(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Counts are exact up to here. Counting is most of an inbox page's database time and grows with the queue: for a queue of
    /// 50,000 open steps, counting to 10,000 took 16 ms per page and to 1,000 takes 2 ms; past a thousand, the official
    /// narrows the list (search, sort, the other tabs) rather than reads the number.
    /// </summary>
    public const int CountLimit = 1_000;

    private static readonly string[] WorkflowRoles =
        [.. Enum.GetValues<Role>().Select(r => r.ToWorkflowRole()), StepRoles.ConsultedOfficer];

    public async Task<InboxPage> ListAsync(Actor actor, InboxScope scope, Guid? unitId, DateTimeOffset now, DateTimeOffset dueSoonBefore,
        int page, int pageSize, CancellationToken ct, InboxSort sort = InboxSort.DueSoonest, string? text = null, IReadOnlyCollection<string>? roles = null)
    {
        var units = actor.UnitIds.Where(u => unitId is null || u == unitId).Select(u => u.ToString()).ToArray();
        var pairs = RolePairs(actor);
        // Filtering by role (the leader's "waiting for me") happens in the query, so that paging counts and skips the same rows it shows.
        var from = From(scope, text) + (roles is null ? "" : " AND w.role = ANY(@onlyRoles)");
        var order = sort switch
        {
            InboxSort.DueLatest => "w.due_at DESC NULLS LAST, w.id",
            InboxSort.Newest => "w.created_at DESC, w.id",
            InboxSort.Oldest => "w.created_at, w.id",
            InboxSort.Code => "d.code NULLS LAST, w.id",
            _ => DueOrder,
        };
        await using var batch = dataSource.CreateBatch();
        if (scope == InboxScope.Mine && string.IsNullOrWhiteSpace(text) && sort == InboxSort.DueSoonest && roles is null)
        {
            batch.BatchCommands.Add(Command(MineCount));
            batch.BatchCommands.Add(Command(MinePage));
        }
        else
        {
            // Counting stops at CountLimit: a queue of 50,000 open steps is "more than 1,000" to a person, and counting it all costs every page.
            batch.BatchCommands.Add(Command($"SELECT count(*) FROM (SELECT 1 {from} LIMIT {CountLimit + 1}) AS open_items"));
            batch.BatchCommands.Add(Command($"""
                SELECT {Columns}
                {JoinProcedures(from)}
                ORDER BY {order}
                LIMIT @take OFFSET @skip
                """));
        }
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            Bind(command.Parameters, actor, units, pairs, now, dueSoonBefore);
            command.Parameters.AddWithValue("take", pageSize);
            if (roles is not null) command.Parameters.AddWithValue("onlyRoles", roles.ToArray());
            command.Parameters.AddWithValue("skip", (page - 1) * pageSize);
            command.Parameters.AddWithValue("text", "%" + (text ?? "").Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var total = (int)reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var items = new List<InboxItem>();
        while (await reader.ReadAsync(ct))
        {
            DateTimeOffset? due = reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10);
            items.Add(new InboxItem(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                Enum.Parse<DossierStatus>(reader.GetString(3)), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
                Guid.TryParse(reader.IsDBNull(7) ? null : reader.GetString(7), out var u) ? u : null, reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetFieldValue<DateTimeOffset>(9), due, due < now && reader.GetString(4) != DossierSteps.AwaitSupplement, reader.GetString(11), reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13)) { DossierRevision = reader.GetInt32(14) });
        }
        return new InboxPage(items, Math.Min(total, CountLimit), total > CountLimit, page, pageSize);
    }

    /// <summary>
    /// How many open steps each scope holds, each exact up to <see cref="CountLimit"/> (a count above it means "more"), in one statement: the inbox page shows
    /// all four on its tabs, and four round trips (each planning its own query) were most of the page's load time.
    /// </summary>
    public async Task<IReadOnlyDictionary<InboxScope, int>> CountsAsync(Actor actor, DateTimeOffset now, DateTimeOffset dueSoonBefore, CancellationToken ct)
    {
        var limit = (CountLimit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Limited(InboxScope scope) => $"(SELECT count(*) FROM (SELECT 1 {From(scope, null)} LIMIT {limit}) AS c)";
        await using var command = dataSource.CreateCommand($"""
            SELECT ({MineCount}), {Limited(InboxScope.Unit)}, {Limited(InboxScope.DueSoon)}, {Limited(InboxScope.Overdue)}
            """);
        Bind(command.Parameters, actor, actor.UnitIds.Select(u => u.ToString()).ToArray(), RolePairs(actor), now, dueSoonBefore);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Dictionary<InboxScope, int>
        {
            [InboxScope.Mine] = (int)reader.GetInt64(0), [InboxScope.Unit] = (int)reader.GetInt64(1),
            [InboxScope.DueSoon] = (int)reader.GetInt64(2), [InboxScope.Overdue] = (int)reader.GetInt64(3),
        };
    }

    private static (string Role, string Unit)[] RolePairs(Actor actor) =>
        actor.UnitIds.SelectMany(u => WorkflowRoles.Where(r => actor.Holds(r, u)).Select(r => (Role: r, Unit: u.ToString()))).Distinct().ToArray();

    private static void Bind(NpgsqlParameterCollection parameters, Actor actor, string[] units, (string Role, string Unit)[] pairs, DateTimeOffset now, DateTimeOffset soon)
    {
        parameters.AddWithValue("me", actor.UserName);
        parameters.AddWithValue("sectionRoles", DossierRoutes.SectionRoles(actor));
        parameters.AddWithValue("roles", pairs.Select(p => p.Role).ToArray());
        parameters.AddWithValue("roleUnits", pairs.Select(p => p.Unit).ToArray());
        parameters.AddWithValue("units", units);
        parameters.AddWithValue("now", now);
        parameters.AddWithValue("soon", soon);
    }

    private static string From(InboxScope scope, string? text)
    {
        var where = scope switch
        {
            InboxScope.Mine => $"""
                (w.assignee = @me OR w.claimed_by = @me OR (w.assignee IS NULL AND w.claimed_by IS NULL
                 AND (w.role, w.unit_id) IN (SELECT * FROM unnest(@roles::text[], @roleUnits::text[]))
                 AND {DossierRoutes.InboxFilter}))
                """,
            InboxScope.Unit => "w.unit_id = ANY(@units)",
            InboxScope.DueSoon => $"w.unit_id = ANY(@units) AND w.due_at >= @now AND w.due_at < @soon AND {OfficialsStep}",
            _ => $"w.unit_id = ANY(@units) AND w.due_at < @now AND {OfficialsStep}",
        };
        return $"""
            FROM {EngineReadModel.WorkItems} w
            JOIN procedures.dossiers d ON d.workflow_instance_id = w.instance_id
            WHERE w.status = 'Open' AND {where}{(string.IsNullOrWhiteSpace(text) ? "" : " AND (d.code ILIKE @text OR d.applicant_name ILIKE @text)")}
            """;
    }

    private static NpgsqlBatchCommand Command(string sql) => new(sql);

    /// <summary>
    /// The step waiting for the citizen's supplement runs on the citizen's clock (their own deadline, with its reminders and
    /// its expiry), so it is never an official's due-soon or overdue work, whatever budget the workflow gave it.
    /// </summary>
    private const string OfficialsStep = $"w.step_id <> '{DossierSteps.AwaitSupplement}'";
    /// <summary>Joins the procedures before the first WHERE only: the routing filter has a WHERE of its own.</summary>
    private static string JoinProcedures(string from)
    {
        var at = from.IndexOf("WHERE", StringComparison.Ordinal);
        return string.Concat(from.AsSpan(0, at), "JOIN procedures.procedures p ON p.id = d.procedure_id\n", from.AsSpan(at));
    }

    /// <summary>What a page row reads, in the order the reader above takes it.</summary>
    private const string Columns = "w.id, d.id, d.code, d.status, w.step_id, w.title, w.role, w.unit_id, w.assignee, w.created_at, w.due_at, d.applicant_name, p.name, d.appointment_at, d.revision";

    private const string DueOrder = "w.due_at NULLS LAST, w.id";

    // "Mine" in due order, the inbox an official opens all day: each of its three sources (assigned to me, claimed by me,
    // the queues of my roles) is read in due order from its own partial index and only as far as the page needs, instead
    // of gathering and sorting the whole queue (measured: 150-300 ms for a queue of 50,000, about 1 ms this way). The count
    // reads the same index entries without visiting the dossiers (12-16 ms instead of 46-70 ms): every workflow instance
    // is started by a dossier's reception in the same transaction, so an open work item always has its dossier.
    private const string MineSources = $"""
        (SELECT w.id, w.due_at FROM {EngineReadModel.WorkItems} w WHERE w.status = 'Open' AND w.assignee = @me ORDER BY {DueOrder} LIMIT @n)
        UNION ALL
        (SELECT w.id, w.due_at FROM {EngineReadModel.WorkItems} w WHERE w.status = 'Open' AND w.claimed_by = @me ORDER BY {DueOrder} LIMIT @n)
        UNION ALL
        (SELECT q.id, q.due_at FROM unnest(@roles::text[], @roleUnits::text[]) AS r(role, unit)
         CROSS JOIN LATERAL (SELECT w.id, w.due_at FROM {EngineReadModel.WorkItems} w
                             WHERE w.status = 'Open' AND w.unit_id = r.unit AND w.role = r.role AND w.assignee IS NULL AND w.claimed_by IS NULL
                               AND {DossierRoutes.InboxFilter}
                             ORDER BY {DueOrder} LIMIT @n) q)
        """;

    private static readonly string MineCount = $"""
        SELECT count(*) FROM (SELECT DISTINCT m.id FROM ({MineSources.Replace("@n", (CountLimit + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}) m) c
        """;

    private static readonly string MinePage = $"""
        WITH page AS (SELECT DISTINCT m.id, m.due_at FROM ({MineSources.Replace("@n", "(@skip + @take)", StringComparison.Ordinal)}) m)
        SELECT {Columns}
        FROM page
        JOIN {EngineReadModel.WorkItems} w ON w.id = page.id
        JOIN procedures.dossiers d ON d.workflow_instance_id = w.instance_id
        JOIN procedures.procedures p ON p.id = d.procedure_id
        ORDER BY {DueOrder}
        LIMIT @take OFFSET @skip
        """;
}
