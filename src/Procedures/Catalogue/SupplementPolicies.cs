using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>
/// Reads the supplement rules from the database on every use, so a change by an administrator applies to the next
/// request without a restart: the province's defaults (<c>procedures.supplement_rule_defaults</c>, one row) and each
/// procedure's own values (<c>procedures.procedure_supplement_rules</c>). Both tables are this class's own SQL.
/// </summary>
public sealed class SupplementPolicies(ProceduresDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<SupplementDefaultsView> DefaultsAsync(CancellationToken ct = default)
    {
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT json_build_object('maxRequests', max_requests, 'windowDays', window_days, 'citizenDays', citizen_days,
                'onExpiry', on_expiry, 'legalBasis', legal_basis, 'updatedAt', updated_at, 'updatedBy', updated_by)::text AS "Value"
            FROM procedures.supplement_rule_defaults WHERE id = 1
            """).ToListAsync(ct);
        if (rows.Count == 0) return new(SupplementPolicy.BuiltIn, null, null);
        var row = JsonSerializer.Deserialize<Row>(rows[0], Json)!;
        return new(new SupplementPolicy(row.MaxRequests!.Value, row.WindowDays!.Value, row.CitizenDays!.Value, row.OnExpiry!.Value, row.LegalBasis!),
            row.UpdatedAt, row.UpdatedBy);
    }

    public async Task<ProcedureSupplementRulesView> ForProcedureAsync(Guid procedureId, CancellationToken ct = default)
    {
        var defaults = await DefaultsAsync(ct);
        var rows = await db.Database.SqlQuery<string>($"""
            SELECT json_build_object('maxRequests', max_requests, 'windowDays', window_days, 'citizenDays', citizen_days,
                'onExpiry', on_expiry, 'legalBasis', legal_basis, 'updatedAt', updated_at, 'updatedBy', updated_by)::text AS "Value"
            FROM procedures.procedure_supplement_rules WHERE procedure_id = {procedureId}
            """).ToListAsync(ct);
        if (rows.Count == 0) return new(procedureId, new SupplementRuleOverride(), defaults.Policy, null, null);
        var row = JsonSerializer.Deserialize<Row>(rows[0], Json)!;
        var own = new SupplementRuleOverride(row.MaxRequests, row.WindowDays, row.CitizenDays, row.OnExpiry, row.LegalBasis);
        return new(procedureId, own, defaults.Policy.With(own), row.UpdatedAt, row.UpdatedBy);
    }

    /// <summary>The rules a dossier of this procedure is handled under now.</summary>
    public async Task<SupplementPolicy> EffectiveAsync(Guid procedureId, CancellationToken ct = default) =>
        (await ForProcedureAsync(procedureId, ct)).Effective;

    internal Task SaveDefaultsAsync(SupplementPolicy policy, string by, DateTimeOffset at, CancellationToken ct)
    {
        at = at.ToUniversalTime();
        var expiry = policy.OnExpiry.ToString();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO procedures.supplement_rule_defaults (id, max_requests, window_days, citizen_days, on_expiry, legal_basis, updated_at, updated_by)
            VALUES (1, {policy.MaxRequests}, {policy.WindowDays}, {policy.CitizenDays}, {expiry}, {policy.LegalBasis}, {at}, {by})
            ON CONFLICT (id) DO UPDATE SET max_requests = excluded.max_requests, window_days = excluded.window_days,
                citizen_days = excluded.citizen_days, on_expiry = excluded.on_expiry, legal_basis = excluded.legal_basis,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct);
    }

    internal Task SaveOverrideAsync(Guid procedureId, SupplementRuleOverride own, string by, DateTimeOffset at, CancellationToken ct)
    {
        at = at.ToUniversalTime();
        if (own.IsEmpty)
            return db.Database.ExecuteSqlAsync($"DELETE FROM procedures.procedure_supplement_rules WHERE procedure_id = {procedureId}", ct);
        var expiry = own.OnExpiry?.ToString();
        var basis = string.IsNullOrWhiteSpace(own.LegalBasis) ? null : own.LegalBasis.Trim();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO procedures.procedure_supplement_rules (procedure_id, max_requests, window_days, citizen_days, on_expiry, legal_basis, updated_at, updated_by)
            VALUES ({procedureId}, {own.MaxRequests}, {own.WindowDays}, {own.CitizenDays}, {expiry}, {basis}, {at}, {by})
            ON CONFLICT (procedure_id) DO UPDATE SET max_requests = excluded.max_requests, window_days = excluded.window_days,
                citizen_days = excluded.citizen_days, on_expiry = excluded.on_expiry, legal_basis = excluded.legal_basis,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, ct);
    }

    private sealed record Row(int? MaxRequests, int? WindowDays, int? CitizenDays, SupplementExpiry? OnExpiry, string? LegalBasis,
        DateTimeOffset? UpdatedAt, string? UpdatedBy);
}
