using Api.Accounts;
using Api.Audit;
using Api.Problems;
using Worker.Delivery;
using Worker.Templates;

namespace Api.Admin;

/// <summary>
/// Message templates (create a new version, delete, preview, history) and the delivery log (failures and retries,
/// send again). Templates are the same for the whole installation, so only system administrators change them.
/// </summary>
public static class MessagingAdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var templates = admin.MapGroup("/templates").WithTags("Admin: messages").RequireAuthorization(Policies.SystemAdministrator);
        templates.MapGet("/", (ListTemplatesQuery q, CancellationToken ct) => q.LatestAsync(ct))
            .WithName("ListTemplates").WithSummary("Mẫu tin nhắn đang dùng, theo sự kiện, kênh và ngôn ngữ");
        templates.MapGet("/events", () => TemplateEvents.All.ToDictionary(e => e, e => TemplateEvents.Placeholders(e).Order(StringComparer.Ordinal).ToArray()))
            .WithName("TemplateEvents").WithSummary("Các sự kiện và tham số được phép dùng trong mẫu");
        templates.MapGet("/{eventName}/{channel}/{locale}/history", (string eventName, string channel, string locale, ListTemplatesQuery q, CancellationToken ct) =>
                q.HistoryAsync(eventName, channel, locale, ct))
            .WithName("TemplateHistory").WithSummary("Các phiên bản của một mẫu tin nhắn");
        templates.MapPost("/", async (SaveTemplate r, HttpContext http, SaveTemplateHandler h) => Problem.Answer(http, await h.HandleAsync(CurrentUser.Of(http).Name, r, http.RequestAborted)))
            .Audited("template.save", "template").WithName("SaveTemplate").WithSummary("Tạo hoặc sửa mẫu tin nhắn (tạo phiên bản mới)").AdminProblems();
        templates.MapDelete("/{eventName}/{channel}/{locale}", async (string eventName, string channel, string locale, HttpContext http, DeleteTemplateHandler h) =>
                Problem.Answer(http, await h.HandleAsync(CurrentUser.Of(http).Name, new DeleteTemplate(eventName, channel, locale), http.RequestAborted)))
            .Audited("template.delete", "template").WithName("DeleteTemplate").WithSummary("Xóa mẫu tin nhắn (ngừng gửi trên kênh, ngôn ngữ này)").AdminProblems();
        templates.MapPost("/preview", async (PreviewTemplate r, HttpContext http, PreviewTemplateHandler h) => Problem.Answer(http, await h.HandleAsync(r, http.RequestAborted)))
            .WithName("PreviewTemplate").WithSummary("Xem trước mẫu tin nhắn với dữ liệu mẫu").AdminProblems();

        var deliveries = admin.MapGroup("/deliveries").WithTags("Admin: messages").RequireAuthorization(Policies.SystemAdministrator);
        deliveries.MapGet("/problems", (int? take, DeliveryLogQuery q, CancellationToken ct) => q.ProblemsAsync(Math.Clamp(take ?? 100, 1, 500), ct))
            .Audited("delivery.read", "delivery").WithName("DeliveryProblems").WithSummary("Tin nhắn gửi lỗi hoặc đang chờ gửi lại");
        deliveries.MapPost("/{id:guid}/retry", async (Guid id, HttpContext http, RetryDeliveryHandler h) => Problem.Answer(http, await h.HandleAsync(id, http.RequestAborted)))
            .Audited("delivery.retry", "delivery").WithName("RetryDelivery").WithSummary("Gửi lại ngay một tin nhắn lỗi").AdminProblems();
    }
}
