namespace Procedures.Responsibilities;

/// <summary>
/// Phân quyền phụ trách: within a unit (a commune, a department), a section or an official is in charge of a sector (lĩnh vực)
/// or of one procedure, from <paramref name="EffectiveFrom"/> to <paramref name="EffectiveTo"/> inclusive. The unit's
/// dossiers of that sector or procedure are routed to them (<see cref="Dossiers.DossierRoutes"/>); a procedure's assignment
/// beats its sector's.
/// </summary>
public sealed record ResponsibilityView(
    Guid Id, Guid UnitId, Guid? SectionId, string? SectionName, string? Official, string? OfficialName,
    Guid? SectorId, string? SectorName, Guid? ProcedureId, string? ProcedureName,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Note, string CreatedBy, DateTimeOffset CreatedAt)
{
    public bool IsEffectiveOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    /// <summary>The waiting dossiers the change moved (<see cref="RerouteWaitingDossiers"/>); only in the answer to a change, absent from lists.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReroutedDossier>? Rerouted { get; init; }
}

/// <summary>The SQL of the responsibilities table (its own, not mapped in the EF model), in one place.</summary>
internal static class ResponsibilitySql
{
    public const string Select = """
        SELECT r.id, r.unit_id, r.section_id, s.name, o.user_name, o.full_name, r.sector_id, sc.name, r.procedure_id, p.name,
               r.effective_from, r.effective_to, r.note, r.created_by, r.created_at
        FROM procedures.responsibilities r
        LEFT JOIN procedures.units s ON s.id = r.section_id
        LEFT JOIN procedures.officials o ON o.id = r.official_id
        LEFT JOIN procedures.sectors sc ON sc.id = r.sector_id
        LEFT JOIN procedures.procedures p ON p.id = r.procedure_id
        """;

    public static ResponsibilityView Read(Npgsql.NpgsqlDataReader r)
    {
        static string? Text(Npgsql.NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
        static Guid? Id(Npgsql.NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);
        return new ResponsibilityView(r.GetGuid(0), r.GetGuid(1), Id(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Id(r, 6), Text(r, 7), Id(r, 8), Text(r, 9),
            r.GetFieldValue<DateOnly>(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateOnly>(11), Text(r, 12), r.GetString(13),
            r.GetFieldValue<DateTimeOffset>(14));
    }
}
