using System.Globalization;
using Procedures.Calendar;

namespace Worker.Sla;

/// <summary>What officials read in an alert, in Vietnamese (the officials' working language).</summary>
public static class AlertTexts
{
    public static (string Title, string Body) For(SlaSubject s, string threshold, DateOnly? apologyDay = null)
    {
        var due = When(s.DueAt);
        var about = s.Reference is { } reference && reference != s.Title ? $"\"{s.Title}\" (hồ sơ {reference})" : $"\"{s.Title}\"";
        if (s.Kind == SlaSubject.Dossier)
            return threshold switch
            {
                Thresholds.DueSoon => ($"Hồ sơ {s.Title} sắp đến hạn trả kết quả", $"Hồ sơ {s.Title} hẹn trả kết quả lúc {due}."),
                Thresholds.DueToday => ($"Hồ sơ {s.Title} đến hạn trả kết quả hôm nay", $"Hồ sơ {s.Title} hẹn trả kết quả lúc {due}."),
                Thresholds.ApologyDue => ($"Cần lập Phiếu xin lỗi (Mẫu 04): hồ sơ {s.Title}",
                    $"Hồ sơ {s.Title} hẹn trả kết quả lúc {due}. Nếu không trả được đúng hẹn, đơn vị phải gửi Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) cho công dân chậm nhất trong ngày {apologyDay?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}."),
                _ => ($"Hồ sơ {s.Title} đã quá hạn trả kết quả", $"Hồ sơ {s.Title} đã quá hạn trả kết quả từ {due}."),
            };
        var holder = s.Assignee is { } a ? $" Người xử lý: {a}." : "";
        return threshold switch
        {
            Thresholds.DueSoon => ($"Sắp đến hạn: {s.Title}", $"Công việc {about} đến hạn lúc {due}.{holder}"),
            Thresholds.DueToday => ($"Đến hạn hôm nay: {s.Title}", $"Công việc {about} đến hạn lúc {due}.{holder}"),
            Thresholds.Overdue => ($"Quá hạn: {s.Title}", $"Công việc {about} đã quá hạn từ {due}.{holder}"),
            _ => ($"Quá hạn kéo dài, chuyển lãnh đạo đơn vị: {s.Title}", $"Công việc {about} đã quá hạn từ {due} và chưa được xử lý.{holder}"),
        };
    }

    private static string When(DateTimeOffset instant) =>
        Procedures.Common.VietnamTime.Local(instant).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);
}
