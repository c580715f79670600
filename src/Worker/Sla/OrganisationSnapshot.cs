using Npgsql;
using Procedures.Organisation;

namespace Worker.Sla;

/// <summary>An official as alerts need them: who to notify and where to email.</summary>
public sealed record Person(string UserName, string FullName, string? Email);

/// <summary>
/// Who holds which role in the units a sweep touches, and their ancestors, on one day. A role is looked up in the unit
/// itself first and then up the tree: the unit leader of a section's work is the leader of the commune above it.
/// </summary>
public sealed class OrganisationSnapshot
{
    private readonly Dictionary<Guid, Guid[]> _lineage = [];
    private readonly Dictionary<(Guid Unit, Role Role), List<Person>> _holders = [];

    public static async Task<OrganisationSnapshot> LoadAsync(NpgsqlDataSource dataSource, IEnumerable<string?> unitIds, DateOnly day, CancellationToken ct)
    {
        var snapshot = new OrganisationSnapshot();
        var ids = unitIds.Select(u => Guid.TryParse(u, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToArray();
        if (ids.Length == 0) return snapshot;

        await using (var units = dataSource.CreateCommand("SELECT id, path FROM procedures.units WHERE id = ANY($1)"))
        {
            units.Parameters.Add(new() { Value = ids });
            await using var r = await units.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                snapshot._lineage[r.GetGuid(0)] = r.GetString(1).Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Select(Guid.Parse).Reverse().ToArray();
        }
        var all = snapshot._lineage.Values.SelectMany(l => l).Distinct().ToArray();
        await using var members = dataSource.CreateCommand("""
            SELECT m.unit_id, o.user_name, o.full_name, o.email, m.roles
            FROM procedures.memberships m JOIN procedures.officials o ON o.id = m.official_id
            WHERE m.unit_id = ANY($1) AND o.is_active AND m.effective_from <= $2 AND (m.effective_to IS NULL OR m.effective_to >= $2)
            ORDER BY o.user_name
            """);
        members.Parameters.Add(new() { Value = all });
        members.Parameters.Add(new() { Value = day });
        await using var m = await members.ExecuteReaderAsync(ct);
        while (await m.ReadAsync(ct))
        {
            var person = new Person(m.GetString(1), m.GetString(2), m.IsDBNull(3) ? null : m.GetString(3));
            foreach (var name in m.GetFieldValue<string[]>(4))
                if (Enum.TryParse<Role>(name, out var role))
                {
                    var key = (m.GetGuid(0), role);
                    if (!snapshot._holders.TryGetValue(key, out var list)) snapshot._holders[key] = list = [];
                    list.Add(person);
                }
        }
        return snapshot;
    }

    /// <summary>Holders of <paramref name="role"/> in the nearest unit, from <paramref name="unitId"/> up, that has any.</summary>
    public IReadOnlyList<Person> Nearest(string? unitId, Role role)
    {
        if (!Guid.TryParse(unitId, out var id) || !_lineage.TryGetValue(id, out var lineage)) return [];
        foreach (var unit in lineage)
            if (_holders.TryGetValue((unit, role), out var people)) return people;
        return [];
    }

    /// <summary>Holders of a workflow role (<c>specialist</c>, <c>section-head</c>, ...) in the nearest unit that has any.</summary>
    public IReadOnlyList<Person> Nearest(string? unitId, string? workflowRole) =>
        workflowRole is not null && RoleNames.TryParseWorkflowRole(workflowRole, out var role) ? Nearest(unitId, role) : [];
}
