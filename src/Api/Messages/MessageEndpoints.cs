using Api.Accounts;
using Api.Audit;
using Api.Dossiers;
using Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Procedures.Organisation;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Notifications;

namespace Api.Messages;

/// <summary>What went to and from a dossier's people: officials' messages and every delivery to the citizen.</summary>
public sealed record DossierMessagesResponse(IReadOnlyList<OfficialMessageView> Messages, IReadOnlyList<DeliveryView> Deliveries);

/// <summary>A free-text message from an official to the specialist of a dossier or to its citizen.</summary>
public sealed record SendMessageRequest(string RecipientKind, string? SpecialistUserName, string Body);

/// <summary>
/// The person's notifications (any signed-in account: officials by user name, citizens by account), the real-time hub,
/// the citizen's channel preferences, and officials' messages on a dossier (officials of a unit taking part only;
/// others get 404 like every dossier read).
/// </summary>
public static class MessageEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapNotifications();

        app.MapPut("/api/v1/citizen/notification-preferences", SavePreferencesAsync).RequireAuthorization(Policies.Citizen).WithTags("Citizen")
            .Audited("citizen.preferences.save", "account").WithName("SaveNotificationPreferences").WithSummary("Chọn kênh nhận thông báo (email, SMS, trong ứng dụng) và ngôn ngữ")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(422);

        var dossier = app.MapGroup("/api/v1/dossiers/{id:guid}/messages").WithTags("Dossiers").RequireAuthorization(Policies.Official);
        dossier.MapGet("/", ListAsync).Audited("dossier.messages.read")
            .WithName("DossierMessages").WithSummary("Tin nhắn và thông báo đã gửi của hồ sơ")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        dossier.MapPost("/", SendAsync).Audited("dossier.message.send")
            .WithName("SendDossierMessage").WithSummary("Gửi tin nhắn cho chuyên viên xử lý hoặc công dân của hồ sơ")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422).AcceptsIdempotencyKey();
    }

    private static async Task<Results<Ok<SaveCitizenPreferences>, ProblemHttpResult>> SavePreferencesAsync(SaveCitizenPreferences request,
        HttpContext http, SaveCitizenPreferencesHandler handler)
    {
        var result = await handler.HandleAsync(CurrentUser.Of(http).CitizenId, request, http.RequestAborted);
        return Problem.Answer(http, result);
    }

    private static async Task<Results<Ok<DossierMessagesResponse>, ProblemHttpResult>> ListAsync(Guid id, HttpContext http, DossierAccess access,
        OfficialMessagesQuery messages, DeliveryLogQuery deliveries)
    {
        if (!await access.OfficialSeesAsync(CurrentUser.Of(http).Name, id, http.RequestAborted)) return Problem.NotFound(http);
        http.AuditResource(id);
        return TypedResults.Ok(new DossierMessagesResponse(await messages.ForDossierAsync(id, http.RequestAborted),
            await deliveries.ForDossierAsync(id, http.RequestAborted)));
    }

    private static async Task<Results<Ok<Guid>, ProblemHttpResult>> SendAsync(Guid id, SendMessageRequest request, HttpContext http,
        DossierAccess access, OfficialDirectory officials, SendOfficialMessageHandler handler)
    {
        if (IdempotencyKeyHeader.Read(http, out var key) is { } badKey) return badKey;
        var me = CurrentUser.Of(http).Name;
        if (!await access.OfficialSeesAsync(me, id, http.RequestAborted)) return Problem.NotFound(http);
        http.AuditResource(id);
        if (request.RecipientKind == SendOfficialMessageHandler.ToSpecialist && request.SpecialistUserName is { Length: > 0 } specialist
            && !await access.OfficialSeesAsync(specialist.Trim(), id, http.RequestAborted))
            return Problem.Make(http, StatusCodes.Status422UnprocessableEntity, "specialist-not-on-dossier",
                Language.Pick(http, "Chuyên viên nhận tin không thuộc đơn vị tham gia giải quyết hồ sơ.", "The specialist does not belong to a unit handling this dossier."),
                "specialistUserName");
        var sender = await officials.FindAsync(me, http.RequestAborted);
        var result = await handler.HandleAsync(me, sender?.FullName ?? me,
            new SendOfficialMessage(id, request.RecipientKind, request.SpecialistUserName, request.Body ?? "", key), http.RequestAborted);
        return Problem.Answer(http, result);
    }
}
