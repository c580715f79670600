using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Worker.Sla;

namespace Api.Admin;

/// <summary>
/// The SLA subjects the sweep parked (a work item or dossier whose alerts cannot be computed or written because of its own
/// data), beside the outbox's parked messages and the incidents: listed newest first with the dossier, procedure, step,
/// unit, due time and error; retried (one, several or all: the next sweep takes them again) or dismissed with a reason
/// (not alerted for this due time). System administrators only, like the other parked lists: the error may quote data.
/// </summary>
public static class SlaAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var parked = admin.MapGroup("/sla/parked").WithTags("Admin: workflow repair").RequireAuthorization(Policies.SystemAdministrator);
        parked.MapGet("/", (int? skip, int? take, ParkedSubjects subjects, CancellationToken ct) =>
                subjects.ListAsync(Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, 500), ct))
            .Audited("sla.read-parked", "sla-subject").WithName("ListParkedSlaSubjects")
            .WithSummary("Công việc, hồ sơ bị tạm dừng cảnh báo hạn xử lý do lỗi dữ liệu (mới nhất trước; có phân trang)");
        parked.MapPost("/retry", async (RetryParkedSubjects? body, HttpContext http, ParkedSubjects subjects) =>
                Problem.Answer(http, await subjects.RetryAsync(body ?? new RetryParkedSubjects(null), http.RequestAborted)))
            .Audited("sla.retry", "sla-subject").WithName("RetryParkedSlaSubjects")
            .WithSummary("Thử lại các đối tượng đã chọn, hoặc tất cả: lượt quét sau sẽ xét lại").AdminProblems();
        parked.MapPost("/{id:guid}/retry", async (Guid id, HttpContext http, ParkedSubjects subjects) =>
                Problem.Answer(http, await subjects.RetryAsync(id, http.RequestAborted)))
            .Audited("sla.retry", "sla-subject").WithName("RetryParkedSlaSubject")
            .WithSummary("Thử lại một đối tượng: lượt quét sau sẽ xét lại").AdminProblems();
        parked.MapPost("/{id:guid}/dismiss", async (Guid id, RepairRequest? body, HttpContext http, ParkedSubjects subjects) =>
                Problem.Answer(http, await subjects.DismissAsync(id, CurrentUser.Of(http).Name, body?.Reason, http.RequestAborted)))
            .Audited("sla.dismiss", "sla-subject").WithName("DismissParkedSlaSubject")
            .WithSummary("Bỏ qua đối tượng: không cảnh báo cho hạn này (nêu lý do)").AdminProblems();
    }
}
