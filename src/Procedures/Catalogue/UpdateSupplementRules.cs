using Microsoft.EntityFrameworkCore;
using Procedures.Common;
using Procedures.Organisation;
using Procedures.Persistence;

namespace Procedures.Catalogue;

/// <summary>Replaces the province's default supplement rules (system administrators); the next request uses them.</summary>
public sealed record UpdateSupplementDefaults(int MaxRequests, int WindowDays, int CitizenDays, SupplementExpiry OnExpiry, string LegalBasis);

/// <summary>Sets a procedure's own supplement rules; null values take the province's default, all null removes the override.</summary>
public sealed record SetProcedureSupplementRules(Guid ProcedureId, SupplementRuleOverride Rules);

public sealed class UpdateSupplementRulesHandler(ProceduresDb db, SupplementPolicies policies, TimeProvider clock)
{
    public async Task<DomainResult<SupplementDefaultsView>> HandleAsync(Actor actor, UpdateSupplementDefaults request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if (!Enum.IsDefined(request.OnExpiry)) return UnknownExpiry();
        if (SupplementPolicy.Check(request.MaxRequests, request.WindowDays, request.CitizenDays, request.LegalBasis, legalBasisRequired: true) is { } invalid)
            return invalid;
        var policy = new SupplementPolicy(request.MaxRequests, request.WindowDays, request.CitizenDays, request.OnExpiry, request.LegalBasis.Trim());
        await policies.SaveDefaultsAsync(policy, actor.UserName, clock.GetUtcNow(), ct);
        return await policies.DefaultsAsync(ct);
    }

    public async Task<DomainResult<ProcedureSupplementRulesView>> HandleAsync(Actor actor, SetProcedureSupplementRules request, CancellationToken ct = default)
    {
        if (!actor.IsSystemAdmin) return AdminAccess.NotSystemAdmin();
        if (!await ExistsAsync(request.ProcedureId, ct)) return NoProcedure();
        var own = request.Rules ?? new SupplementRuleOverride();
        if (own.OnExpiry is { } expiry && !Enum.IsDefined(expiry)) return UnknownExpiry();
        if (SupplementPolicy.Check(own.MaxRequests, own.WindowDays, own.CitizenDays, own.LegalBasis, legalBasisRequired: false) is { } invalid)
            return invalid;
        // A procedure that departs from the province's rule must say which law allows it.
        if (!own.IsEmpty && (own.MaxRequests is not null || own.WindowDays is not null || own.CitizenDays is not null || own.OnExpiry is not null)
            && string.IsNullOrWhiteSpace(own.LegalBasis))
            return DomainError.Invalid("legalBasis", "required", "Quy định bổ sung riêng của thủ tục cần nêu căn cứ pháp lý.",
                "A procedure's own supplement rules need their legal basis.");
        await policies.SaveOverrideAsync(request.ProcedureId, own, actor.UserName, clock.GetUtcNow(), ct);
        return await policies.ForProcedureAsync(request.ProcedureId, ct);
    }

    public Task<bool> ExistsAsync(Guid procedureId, CancellationToken ct) => db.Procedures.AnyAsync(p => p.Id == procedureId, ct);

    public static DomainError NoProcedure() => DomainError.NotFound("procedure", "thủ tục hành chính") with { Field = "procedureId" };

    private static DomainError UnknownExpiry() =>
        DomainError.Invalid("onExpiry", "unknown", "Cách xử lý khi quá hạn bổ sung không hợp lệ.", "Unknown action for an expired supplement deadline.");
}
