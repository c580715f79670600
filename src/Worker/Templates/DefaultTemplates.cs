using Microsoft.EntityFrameworkCore;
using Worker.Channels;
using Worker.Notifications;

namespace Worker.Templates;

/// <summary>
/// The texts a new installation starts with: for every event, channel and language, version 1 by <c>system</c>.
/// Seeding only fills what is missing (any version, deleted or not), so an admin's edits and deletions stay.
/// </summary>
public static class DefaultTemplates
{
    private sealed record Text(string Subject, string Email, string Short);

    // SMS texts are written without diacritics on purpose: a Unicode SMS carries 70 characters instead of 160.
    private static readonly Dictionary<(string Event, string Locale), Text> Texts = new()
    {
        [(TemplateEvents.DossierReceived, "vi")] = new("Đã tiếp nhận hồ sơ {{DossierCode}}",
            "Kính gửi {{CitizenName}},\n\n{{UnitName}} đã tiếp nhận hồ sơ {{ProcedureName}} của Ông/Bà ngày {{ReceivedDate}}.\nMã hồ sơ: {{DossierCode}}\nNgày hẹn trả kết quả: {{AppointmentDate}}\nTra cứu tình trạng hồ sơ: {{TrackingLink}}\n\nTrân trọng.",
            "Ho so {{DossierCode}} da duoc tiep nhan. Hen tra ket qua ngay {{AppointmentDate}}. Tra cuu: {{TrackingLink}}"),
        [(TemplateEvents.DossierReceived, "en")] = new("Application {{DossierCode}} received",
            "Dear {{CitizenName}},\n\n{{UnitName}} received your application for {{ProcedureName}} on {{ReceivedDate}}.\nCode: {{DossierCode}}\nResult expected on: {{AppointmentDate}}\nTrack it at: {{TrackingLink}}\n\nKind regards.",
            "Application {{DossierCode}} received. Result expected {{AppointmentDate}}. Track: {{TrackingLink}}"),
        [(TemplateEvents.SupplementRequested, "vi")] = new("Yêu cầu bổ sung hồ sơ {{DossierCode}}",
            "Kính gửi {{CitizenName}},\n\nHồ sơ {{DossierCode}} ({{ProcedureName}}) cần bổ sung các giấy tờ sau:\n{{MissingItems}}\n\nLý do: {{Reason}}\nĐề nghị Ông/Bà bổ sung trước ngày {{SupplementDueDate}}.\nTra cứu: {{TrackingLink}}\n\nTrân trọng.",
            "Ho so {{DossierCode}} can bo sung: {{MissingItems}}. Han: {{SupplementDueDate}}."),
        [(TemplateEvents.SupplementRequested, "en")] = new("Application {{DossierCode}}: documents missing",
            "Dear {{CitizenName}},\n\nYour application {{DossierCode}} ({{ProcedureName}}) needs the following:\n{{MissingItems}}\n\nReason: {{Reason}}\nPlease provide them by {{SupplementDueDate}}.\nTrack it at: {{TrackingLink}}\n\nKind regards.",
            "Application {{DossierCode}} needs: {{MissingItems}}. By {{SupplementDueDate}}."),
        [(TemplateEvents.SupplementReminder, "vi")] = new("Nhắc hạn bổ sung hồ sơ {{DossierCode}}",
            "Kính gửi {{CitizenName}},\n\nHồ sơ {{DossierCode}} ({{ProcedureName}}) đang chờ Ông/Bà bổ sung:\n{{MissingItems}}\n\nHạn nộp bổ sung: {{SupplementDueDate}}. Quá hạn, hồ sơ sẽ bị xử lý theo quy định.\nTra cứu: {{TrackingLink}}\n\nTrân trọng.",
            "Ho so {{DossierCode}}: han bo sung {{SupplementDueDate}}. Can nop: {{MissingItems}}."),
        [(TemplateEvents.SupplementReminder, "en")] = new("Reminder: application {{DossierCode}} awaits your documents",
            "Dear {{CitizenName}},\n\nYour application {{DossierCode}} ({{ProcedureName}}) still needs:\n{{MissingItems}}\n\nPlease provide them by {{SupplementDueDate}}; after that date the application is ended as the rules say.\nTrack it at: {{TrackingLink}}\n\nKind regards.",
            "Application {{DossierCode}}: documents due {{SupplementDueDate}}: {{MissingItems}}."),
        [(TemplateEvents.DossierRefused, "vi")] = new("Từ chối giải quyết hồ sơ {{DossierCode}}",
            "Kính gửi {{CitizenName}},\n\n{{UnitName}} từ chối giải quyết hồ sơ {{DossierCode}} ({{ProcedureName}}) ngày {{RefusedDate}}.\nLý do: {{Reason}}\n\nTrân trọng.",
            "Ho so {{DossierCode}} bi tu choi ngay {{RefusedDate}}. Ly do: {{Reason}}"),
        [(TemplateEvents.DossierRefused, "en")] = new("Application {{DossierCode}} refused",
            "Dear {{CitizenName}},\n\n{{UnitName}} refused your application {{DossierCode}} ({{ProcedureName}}) on {{RefusedDate}}.\nReason: {{Reason}}\n\nKind regards.",
            "Application {{DossierCode}} refused on {{RefusedDate}}. Reason: {{Reason}}"),
        [(TemplateEvents.DossierClosedUnsupplied, "vi")] = new("Hồ sơ {{DossierCode}} kết thúc do quá hạn bổ sung",
            "Kính gửi {{CitizenName}},\n\nHồ sơ {{DossierCode}} ({{ProcedureName}}) đã được yêu cầu bổ sung, nhưng đến hết hạn bổ sung ngày {{SupplementDueDate}}, {{UnitName}} chưa nhận được giấy tờ bổ sung của Ông/Bà. Vì vậy, ngày {{ClosedDate}} hồ sơ {{Outcome}}.\nCăn cứ: {{LegalBasis}}\n\nÔng/Bà có thể nộp lại hồ sơ với đầy đủ thành phần theo quy định; hồ sơ nộp lại được tiếp nhận như hồ sơ mới và thời hạn giải quyết được tính lại từ đầu.\nTra cứu: {{TrackingLink}}\n\nTrân trọng.",
            "Ho so {{DossierCode}} ket thuc ngay {{ClosedDate}} do qua han bo sung ({{SupplementDueDate}}). Ong/Ba co the nop lai ho so moi."),
        [(TemplateEvents.DossierClosedUnsupplied, "en")] = new("Application {{DossierCode}} ended: documents not provided in time",
            "Dear {{CitizenName}},\n\nYour application {{DossierCode}} ({{ProcedureName}}) was waiting for further documents, which {{UnitName}} had not received by the deadline of {{SupplementDueDate}}. On {{ClosedDate}} the application was therefore ended.\nLegal basis: {{LegalBasis}}\n\nYou may apply again with every required document; a new application is received as new and its time limit counts from the start.\nTrack it at: {{TrackingLink}}\n\nKind regards.",
            "Application {{DossierCode}} ended on {{ClosedDate}}: documents not provided by {{SupplementDueDate}}. You may apply again."),
        [(TemplateEvents.ApologyIssued, "vi")] = new("Xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{DossierCode}}",
            "Kính gửi {{CitizenName}},\n\n{{UnitName}} xin lỗi Ông/Bà vì hồ sơ {{DossierCode}} ({{ProcedureName}}) chưa thể trả kết quả đúng hẹn ngày {{OldAppointmentDate}}.\nLý do: {{Reason}}\nNgày hẹn trả kết quả mới: {{NewAppointmentDate}}\nTra cứu: {{TrackingLink}}\n\nTrân trọng.",
            "Xin loi: ho so {{DossierCode}} chua tra dung hen. Hen lai ngay {{NewAppointmentDate}}."),
        [(TemplateEvents.ApologyIssued, "en")] = new("Apology: new date for application {{DossierCode}}",
            "Dear {{CitizenName}},\n\n{{UnitName}} apologises: your application {{DossierCode}} ({{ProcedureName}}) could not be finished by {{OldAppointmentDate}}.\nReason: {{Reason}}\nNew date: {{NewAppointmentDate}}\nTrack it at: {{TrackingLink}}\n\nKind regards.",
            "We apologise: application {{DossierCode}} is delayed. New date {{NewAppointmentDate}}."),
        [(TemplateEvents.ResultReady, "vi")] = new("Hồ sơ {{DossierCode}} đã có kết quả",
            "Kính gửi {{CitizenName}},\n\nHồ sơ {{DossierCode}} ({{ProcedureName}}) đã có kết quả: {{ResultName}}.\nMời Ông/Bà nhận kết quả tại {{ReturnPlace}}.\n\nTrân trọng.",
            "Ho so {{DossierCode}} da co ket qua. Nhan tai {{ReturnPlace}}."),
        [(TemplateEvents.ResultReady, "en")] = new("Application {{DossierCode}}: result ready",
            "Dear {{CitizenName}},\n\nThe result of your application {{DossierCode}} ({{ProcedureName}}) is ready: {{ResultName}}.\nPlease collect it at {{ReturnPlace}}.\n\nKind regards.",
            "Application {{DossierCode}}: result ready at {{ReturnPlace}}."),
        [(TemplateEvents.SignedResultReady, "vi")] = new("Hồ sơ {{DossierCode}} đã có kết quả điện tử ký số",
            "Kính gửi {{CitizenName}},\n\nHồ sơ {{DossierCode}} ({{ProcedureName}}) đã có kết quả: {{ResultName}}.\nKết quả điện tử đã được ký số. Ông/Bà có thể tải về:\n- tại mục Hồ sơ của tôi: {{MyDossiersLink}} (nếu nộp hồ sơ bằng tài khoản), hoặc\n- tại trang tra cứu: {{TrackingLink}}, nhập mã hồ sơ và 4 số cuối số điện thoại hoặc giấy tờ tùy thân.\nKiểm tra chữ ký số của kết quả tại: {{VerificationLink}}\nBản giấy (nếu có) nhận tại {{ReturnPlace}}.\n\nTrân trọng.",
            "Ho so {{DossierCode}} da co ket qua ky so. Tai ve tai {{TrackingLink}} (nhap ma ho so va 4 so cuoi)."),
        [(TemplateEvents.SignedResultReady, "en")] = new("Application {{DossierCode}}: signed electronic result ready",
            "Dear {{CitizenName}},\n\nThe result of your application {{DossierCode}} ({{ProcedureName}}) is ready: {{ResultName}}.\nThe electronic result is digitally signed. You can download it:\n- from My dossiers: {{MyDossiersLink}} (if you applied with an account), or\n- from the tracking page: {{TrackingLink}}, with the code and the last 4 digits of your phone or identity number.\nCheck its signature at: {{VerificationLink}}\nThe paper copy (if any) is at {{ReturnPlace}}.\n\nKind regards.",
            "Application {{DossierCode}}: signed result ready. Download at {{TrackingLink}} (code and last 4 digits)."),
        [(TemplateEvents.RatingRequested, "vi")] = new("Mời đánh giá việc giải quyết hồ sơ {{DossierCode}}",
            "Kính gửi {{CitizenName}},\n\nMời Ông/Bà đánh giá mức độ hài lòng về việc giải quyết hồ sơ {{DossierCode}} ({{ProcedureName}}) tại: {{RatingLink}}\n\nTrân trọng cảm ơn.",
            "Moi danh gia ho so {{DossierCode}}: {{RatingLink}}"),
        [(TemplateEvents.RatingRequested, "en")] = new("Please rate how application {{DossierCode}} was handled",
            "Dear {{CitizenName}},\n\nPlease tell us how satisfied you are with the handling of application {{DossierCode}} ({{ProcedureName}}): {{RatingLink}}\n\nThank you.",
            "Please rate application {{DossierCode}}: {{RatingLink}}"),
        [(TemplateEvents.OfficialMessage, "vi")] = new("Thông báo về hồ sơ {{DossierCode}}",
            "Kính gửi {{CitizenName}},\n\n{{Message}}\n\n{{SenderName}} - {{UnitName}}",
            "Ho so {{DossierCode}}: {{Message}}"),
        [(TemplateEvents.OfficialMessage, "en")] = new("About application {{DossierCode}}",
            "Dear {{CitizenName}},\n\n{{Message}}\n\n{{SenderName}} - {{UnitName}}",
            "Application {{DossierCode}}: {{Message}}"),
    };

    public static readonly IReadOnlyList<string> Locales = ["vi", "en"];

    /// <summary>Every (event, channel, language) with its default subject and body.</summary>
    public static IEnumerable<(string Event, MessageChannel Channel, string Locale, string Subject, string Body)> All() =>
        from t in Texts
        from channel in Enum.GetValues<MessageChannel>()
        select (t.Key.Event, channel, t.Key.Locale, t.Value.Subject,
            channel == MessageChannel.Email ? t.Value.Email : t.Value.Short);

    public static async Task<int> SeedAsync(NotificationsDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var seeded = 0;
        foreach (var (evt, channel, locale, subject, body) in All())
            seeded += await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO notifications.templates (id, event, channel, locale, version, is_latest, subject, body, created_at, created_by)
                SELECT {Guid.CreateVersion7()}, {evt}, {channel.ToString()}, {locale}, 1, true, {subject}, {body}, {clock.GetUtcNow()}, 'system'
                WHERE NOT EXISTS (SELECT 1 FROM notifications.templates WHERE event = {evt} AND channel = {channel.ToString()} AND locale = {locale})
                ON CONFLICT DO NOTHING
                """, ct);
        return seeded;
    }
}
