using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Engine.Outbox;

namespace Api.Admin;

/// <summary>
/// The outbox's dead letters: messages the dispatcher parked after their last failed attempt, listed newest first, and
/// replayed (published again at once) or discarded (never published), each with a reason that goes into the instance's
/// history and the audit log. System administrators only: a message's payload may name citizens and officials.
/// </summary>
public static class OutboxAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var parked = admin.MapGroup("/outbox/parked").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        parked.MapGet("/", (int? skip, int? take, EngineRepairs repairs, CancellationToken ct) =>
                repairs.ParkedAsync(Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, 500), ct))
            .Audited("message.read-parked", "outbox-message").WithName("ListParkedMessages").WithSummary("Tin nhắn bị giữ lại sau khi gửi lỗi nhiều lần (mới nhất trước; có phân trang)");
        parked.MapPost("/{id:guid}/replay", async (Guid id, RepairRequest? body, HttpContext http, EngineRepairs repairs) =>
                Problem.Answer(http, await repairs.ReplayMessageAsync(id, CurrentUser.Of(http).Name, body?.Reason, http.RequestAborted)))
            .Audited("message.replay", "outbox-message").WithName("ReplayParkedMessage").WithSummary("Gửi lại tin nhắn bị giữ lại (nêu lý do)").AdminProblems();
        parked.MapPost("/{id:guid}/discard", async (Guid id, RepairRequest? body, HttpContext http, EngineRepairs repairs) =>
                Problem.Answer(http, await repairs.DiscardMessageAsync(id, CurrentUser.Of(http).Name, body?.Reason, http.RequestAborted)))
            .Audited("message.discard", "outbox-message").WithName("DiscardParkedMessage").WithSummary("Bỏ tin nhắn bị giữ lại, không gửi (nêu lý do)").AdminProblems();
    }
}
