using Npgsql;
using NpgsqlTypes;
using Procedures.Organisation;

namespace Procedures.Dossiers;

/// <summary>
/// Where a dossier's steps in its processing unit wait: the section or official in charge (<paramref name="SectionId"/> or
/// <paramref name="Official"/>) takes the queue items of the workflow roles in <paramref name="Roles"/> (the roles the holder has
/// in the unit); other holders of those roles in the unit no longer see them in their inbox nor may take them, the unit's
/// leaders keep both. No route: the unit's default queue, every holder of the role.
/// </summary>
public sealed record DossierRoute(Guid UnitId, Guid? SectionId, string? Official, IReadOnlyList<string> Roles, Guid? ResponsibilityId = null,
    Guid? DirectionId = null)
{
    /// <summary>Whether the route keeps this open, unassigned item away from <paramref name="actor"/>.</summary>
    public bool Excludes(Actor actor, DossierWorkItem item) =>
        item.Assignee is null && item.Unit == UnitId && Roles.Contains(item.Role) && !InCharge(actor, item.Role)
        && !actor.HasRole(Role.UnitLeader, UnitId);

    /// <summary>The official in charge, or a member of the section in charge holding <paramref name="workflowRole"/> there.</summary>
    public bool InCharge(Actor actor, string workflowRole) =>
        Official == actor.UserName
        || SectionId is { } section && RoleNames.TryParseWorkflowRole(workflowRole, out var role)
            && actor.Memberships.Any(m => m.UnitId == section && (m.Roles.Contains(role) || role == Role.UnitLeader && m.Roles.Contains(Role.DeputyLeader)));
}

/// <summary>
/// Routing by responsibility (phân quyền phụ trách): the processing unit's assignment in effect on the reception day for the
/// dossier's procedure, else for its sector, decides the section or official in charge. Its own table, read with its own SQL.
/// </summary>
public static class DossierRoutes
{
    /// <summary>Workflow roles a route may take over: the processing roles. Reception, consultation and administration are not routed.</summary>
    private static readonly IReadOnlySet<Role> Routed = new HashSet<Role> { Role.Specialist, Role.SectionHead, Role.UnitLeader, Role.DeputyLeader };

    /// <summary>The route the unit's responsibilities give the procedure on <paramref name="day"/>; null when none applies.</summary>
    public static async Task<DossierRoute?> ResolveAsync(NpgsqlTransaction tx, Guid unitId, Guid procedureId, DateOnly day, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(tx.Connection, tx) { BatchCommands = { Resolve(unitId, procedureId, day) } };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadResolvedAsync(reader, unitId, ct);
    }

    /// <summary>The command of <see cref="ResolveAsync"/>, for a use case's batch (<see cref="ReadResolvedAsync"/> reads its result).</summary>
    internal static NpgsqlBatchCommand Resolve(Guid unitId, Guid procedureId, DateOnly day) => new("""
            SELECT r.id, r.section_id, o.user_name,
                   ARRAY(SELECT DISTINCT unnest(m.roles) FROM procedures.memberships m
                         JOIN procedures.officials mo ON mo.id = m.official_id AND mo.is_active
                         JOIN procedures.units mu ON mu.id = m.unit_id
                         WHERE m.effective_from <= $3 AND (m.effective_to IS NULL OR m.effective_to >= $3)
                           AND (m.unit_id = r.section_id
                                OR m.official_id = r.official_id AND (mu.id = r.unit_id OR mu.parent_id = r.unit_id)))
            FROM procedures.responsibilities r
            LEFT JOIN procedures.officials o ON o.id = r.official_id
            WHERE r.unit_id = $1 AND r.effective_from <= $3 AND (r.effective_to IS NULL OR r.effective_to >= $3)
              AND (r.procedure_id = $2 OR r.sector_id = (SELECT sector_id FROM procedures.procedures WHERE id = $2))
            ORDER BY r.procedure_id IS NULL
            LIMIT 1
            """)
    {
        Parameters = { new() { Value = unitId }, new() { Value = procedureId }, new() { Value = day } },
    };

    internal static async Task<DossierRoute?> ReadResolvedAsync(NpgsqlDataReader reader, Guid unitId, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) return null;
        var roles = RolesOf(reader.GetFieldValue<string[]>(3));
        return new DossierRoute(unitId, reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2), roles,
            ResponsibilityId: reader.GetGuid(0));
    }

    /// <summary>The workflow roles of stored role names that a route takes over (a deputy acts as <c>unit-leader</c>).</summary>
    public static IReadOnlyList<string> RolesOf(IEnumerable<string> stored) =>
        stored.Select(s => Enum.TryParse<Role>(s, out var r) ? r : (Role?)null).OfType<Role>().Where(Routed.Contains)
            .Select(r => r == Role.DeputyLeader ? Role.UnitLeader : r).Select(r => r.ToWorkflowRole()).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The route of the dossier <c>$1</c>, for a use case's batch (<see cref="ReadAsync(NpgsqlDataReader, CancellationToken)"/> reads it).</summary>
    internal const string ReadSql =
        "SELECT unit_id, section_id, official, roles, responsibility_id, direction_id FROM procedures.dossier_routes WHERE dossier_id = $1";

    /// <summary>The dossier's route, null when it waits in the unit's default queue.</summary>
    public static async Task<DossierRoute?> ReadAsync(NpgsqlTransaction tx, Guid dossierId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ReadSql, tx.Connection, tx) { Parameters = { new() { Value = dossierId } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadAsync(reader, ct);
    }

    /// <summary>The route in the reader's current result (<see cref="ReadSql"/>); null when there is none.</summary>
    internal static async Task<DossierRoute?> ReadAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        if (!await reader.ReadAsync(ct)) return null;
        return new DossierRoute(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetFieldValue<string[]>(3), reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.IsDBNull(5) ? null : reader.GetGuid(5));
    }

    /// <summary>Stores the dossier's route, or removes it (null: the default queue). The dossier row may be inserted later in the same transaction.</summary>
    public static async Task SaveAsync(NpgsqlTransaction tx, Guid dossierId, DossierRoute? route, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = route is null
            ? new NpgsqlCommand("DELETE FROM procedures.dossier_routes WHERE dossier_id = $1", tx.Connection, tx) { Parameters = { new() { Value = dossierId } } }
            : new NpgsqlCommand("""
                INSERT INTO procedures.dossier_routes (dossier_id, unit_id, section_id, official, roles, responsibility_id, direction_id, routed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (dossier_id) DO UPDATE SET unit_id = $2, section_id = $3, official = $4, roles = $5, responsibility_id = $6,
                    direction_id = $7, routed_at = $8
                """, tx.Connection, tx)
            {
                Parameters =
                {
                    new() { Value = dossierId }, new() { Value = route.UnitId },
                    new() { Value = (object?)route.SectionId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { Value = (object?)route.Official ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                    new() { Value = route.Roles.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                    new() { Value = (object?)route.ResponsibilityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { Value = (object?)route.DirectionId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { Value = now },
                },
            };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The inbox condition that keeps a routed queue item (work item <c>w</c>) away from officials not in charge, as SQL over the
    /// parameters <c>@me</c> and <c>@sectionRoles</c> (<see cref="SectionRoles"/>). A leader's own queue follows it too (a deputy in
    /// charge of a sector signs its dossiers); the leader still sees them in the unit's inbox and may still act on them.
    /// </summary>
    public const string InboxFilter = """
        NOT EXISTS (SELECT 1 FROM procedures.dossiers rd JOIN procedures.dossier_routes rt ON rt.dossier_id = rd.id
                    WHERE rd.workflow_instance_id = w.instance_id AND w.unit_id = rt.unit_id::text AND w.role = ANY(rt.roles)
                      AND rt.official IS DISTINCT FROM @me
                      AND NOT coalesce((rt.section_id::text || '|' || w.role) = ANY(@sectionRoles), false))
        """;

    /// <summary><c>section|role</c> for every workflow role the actor holds through a membership of a section (or other internal part).</summary>
    public static string[] SectionRoles(Actor actor) =>
        actor.Memberships.Where(m => m.ActsForUnitId is not null)
            .SelectMany(m => m.Roles.Select(r => r == Role.DeputyLeader ? Role.UnitLeader : r).Distinct().Select(r => $"{m.UnitId}|{r.ToWorkflowRole()}"))
            .ToArray();

    /// <summary>The workflow roles the active members of a section hold on <paramref name="day"/>, as a route to that section takes over.</summary>
    public static async Task<IReadOnlyList<string>> SectionRolesAsync(NpgsqlTransaction tx, Guid sectionId, DateOnly day, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT ARRAY(SELECT DISTINCT unnest(m.roles) FROM procedures.memberships m
                         JOIN procedures.officials o ON o.id = m.official_id AND o.is_active
                         WHERE m.unit_id = $1 AND m.effective_from <= $2 AND (m.effective_to IS NULL OR m.effective_to >= $2))
            """, tx.Connection, tx)
        {
            Parameters = { new() { Value = sectionId }, new() { Value = day } },
        };
        return RolesOf((string[])(await command.ExecuteScalarAsync(ct))!);
    }
}
