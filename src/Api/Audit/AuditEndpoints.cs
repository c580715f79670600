using Api.Accounts;
using Api.Persistence;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Audit;

public sealed record AuditEntryView(long Id, DateTimeOffset At, Guid? AccountId, string? UserName, string? AccountKind, string Action,
    string? ResourceType, string? ResourceId, string Method, string Path, int StatusCode, string? RemoteAddress, string? TraceId);

public sealed record AuditPage(IReadOnlyList<AuditEntryView> Items, int Page, int PageSize);

/// <summary>The audit trail for auditors (system administrators): who read or changed what, when, from where.</summary>
public static class AuditEndpoints
{
    public static void Map(WebApplication app) =>
        app.MapGet("/api/v1/admin/audit", ListAsync).RequireAuthorization(Policies.SystemAdministrator).WithTags("Admin: audit")
            .Audited("audit.read", "audit").WithName("AuditLog").WithSummary("Nhật ký truy cập và thay đổi")
            .WithDescription("Filter by resource (e.g. a dossier id), account, action and time; newest first.").ProducesProblem(400);

    private static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListAsync(HttpContext http, ApiDb db, string? resourceId = null, Guid? accountId = null,
        string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 500) return Problem.Invalid(http, "pageSize", "out-of-range", "Trang từ 1, cỡ trang từ 1 đến 500.", "Page from 1, page size 1 to 500.");
        var q = db.AuditEntries.AsNoTracking();
        if (resourceId is not null) q = q.Where(a => a.ResourceId == resourceId);
        if (accountId is not null) q = q.Where(a => a.AccountId == accountId);
        if (action is not null) q = q.Where(a => a.Action == action);
        if (from is not null) q = q.Where(a => a.At >= from);
        if (to is not null) q = q.Where(a => a.At < to);
        var rows = await q.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new AuditPage(rows.Select(a => new AuditEntryView(a.Id, a.At, a.AccountId, a.UserName, a.AccountKind, a.Action, a.ResourceType,
            a.ResourceId, a.Method, a.Path, a.StatusCode, a.RemoteAddress?.ToString(), a.TraceId)).ToList(), page, pageSize));
    }
}
