using System.Globalization;
using Procedures.Forms;
using Procedures.Forms.Layout;
using Procedures.Statistics;

namespace Procedures.Reports;

/// <summary>The consolidated ISO report as an Excel workbook and as a PDF (the forms' A4 layout), with the same figures.</summary>
public static class IsoReportExports
{
    private static readonly string[] FigureHeaders =
    [
        "STT", "Đơn vị", "Kỳ trước chuyển qua", "Tiếp nhận trực tiếp", "Tiếp nhận trực tuyến", "Qua bưu chính", "Trước hạn", "Đúng hạn", "Quá hạn",
        "Đang giải quyết trong hạn", "Đang giải quyết quá hạn", "Chờ bổ sung", "Từ chối", "Rút hồ sơ", "Tỷ lệ đúng hạn (%)",
    ];

    private static readonly string[] QualityHeaders =
        ["STT", "Đơn vị", "Đánh giá nội bộ", "KPH phát sinh", "KPH đã đóng", "KPH còn mở", "Xem xét của lãnh đạo", "Tài liệu ban hành", "Tình trạng báo cáo"];

    public static byte[] Excel(ConsolidatedReport r)
    {
        var subtitle = $"{r.UnitName} – {r.Period.NameVi} (từ {VietnameseFormat.Date(r.Period.From)} đến {VietnameseFormat.Date(r.Period.To)}), hạn gửi {VietnameseFormat.Date(r.Period.DueOn)}";
        return ExcelExport.Workbook(
            new ExcelExport.Sheet("So lieu", "TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", subtitle, FigureHeaders,
                r.Rows.Select((row, i) => FigureCells((i + 1).ToString(CultureInfo.InvariantCulture), row.UnitName, row.Figures.Figures))
                    .Append(FigureCells("", "Tổng cộng", r.Total.Figures))),
            new ExcelExport.Sheet("Chat luong", "KẾT QUẢ DUY TRÌ, CẢI TIẾN HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG", subtitle, QualityHeaders,
                r.Rows.Select((row, i) => QualityCells((i + 1).ToString(CultureInfo.InvariantCulture), row.UnitName, row.Quality, State(row)))
                    .Append(QualityCells("", "Tổng cộng", r.QualityTotal, ""))));
    }

    public static byte[] Pdf(ConsolidatedReport r, FormAgency agency, string? signerTitle = null, string? signerName = null)
    {
        var w = new FormWriter($"Báo cáo ISO {r.UnitCode} {r.Period.NameVi}", landscape: true, footerNote: $"Báo cáo {r.Period.NameVi} - {r.UnitName}");
        w.Header(agency, "", dated: r.AsOf);
        w.Title("BÁO CÁO TÌNH HÌNH GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH VÀ ÁP DỤNG, DUY TRÌ, CẢI TIẾN HỆ THỐNG QUẢN LÝ CHẤT LƯỢNG THEO TCVN ISO 9001",
            $"Kỳ báo cáo {r.Period.NameVi}: từ ngày {VietnameseFormat.Date(r.Period.From)} đến ngày {VietnameseFormat.Date(r.Period.To)}");
        w.Paragraph([w.Bold("I. Tình hình giải quyết thủ tục hành chính")], Align.Left);
        new FormTable(w, [.. FigureHeaders.Select((h, i) => new TableColumn(h, i == 1 ? 5 : i == 0 ? 1.2 : 2, i <= 1 ? Align.Left : Align.Right))], fontSize: 7.5)
            .Rows(r.Rows.Select((row, i) => Text(FigureCells((i + 1).ToString(CultureInfo.InvariantCulture), row.UnitName, row.Figures.Figures)))
                .Append(Text(FigureCells("", "Tổng cộng", r.Total.Figures))));
        w.Paragraph([w.Bold("II. Kết quả duy trì, cải tiến hệ thống quản lý chất lượng")], Align.Left);
        new FormTable(w, [.. QualityHeaders.Select((h, i) => new TableColumn(h, i == 1 ? 5 : i == 0 ? 1.2 : 2, i <= 1 || i == 8 ? Align.Left : Align.Right))], fontSize: 8)
            .Rows(r.Rows.Select((row, i) => Text(QualityCells((i + 1).ToString(CultureInfo.InvariantCulture), row.UnitName, row.Quality, State(row))))
                .Append(Text(QualityCells("", "Tổng cộng", r.QualityTotal, ""))));
        var t = r.Total.Figures;
        w.Paragraph(w.Text("Thời gian giải quyết bình quân: "), w.Bold(t.AverageDays is { } avg ? $"{avg.ToString("0.00", CultureInfo.GetCultureInfo("vi-VN"))} ngày làm việc" : "chưa có"),
            w.Text("; 90% hồ sơ giải quyết trong: "), w.Bold(t.P90Days is { } p90 ? $"{p90.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} ngày làm việc" : "chưa có"), w.Text("."));
        w.Signatures(new Signature(signerTitle ?? "THỦ TRƯỞNG ĐƠN VỊ", signerName, "(Ký, ghi rõ họ tên và đóng dấu)"));
        return w.Finish();
    }

    private static IReadOnlyList<object?> FigureCells(string no, string name, StatisticsFigures f) =>
    [
        no, name, f.CarriedOver, f.ReceivedCounter, f.ReceivedOnline, f.ReceivedPost, f.FinishedEarly, f.FinishedOnTime, f.FinishedLate,
        f.InProgressWithinTime, f.InProgressOverdue, f.AwaitingSupplement, f.Refused + f.NotAccepted, f.Withdrawn,
        f.OnTimeRate is { } rate ? Math.Round(rate * 100, 2, MidpointRounding.AwayFromZero) : null,
    ];

    private static IReadOnlyList<object?> QualityCells(string no, string name, QualitySummary q, string state) =>
        [no, name, q.AuditsDone, q.NonconformitiesRaised, q.NonconformitiesClosed, q.NonconformitiesOpenAtEnd, q.ManagementReviews, q.DocumentsIssued, state];

    private static IReadOnlyList<string> Text(IReadOnlyList<object?> cells) =>
        cells.Select(c => c switch { null => "", decimal d => d.ToString("0.##", CultureInfo.InvariantCulture), _ => c.ToString() ?? "" }).ToList();

    private static string State(ConsolidatedRow row) => row.Direct ? "" : row.State switch
    {
        SubmissionState.Submitted => "Đã gửi đúng hạn",
        SubmissionState.SubmittedLate => "Gửi muộn",
        SubmissionState.Draft => "Đang soạn",
        SubmissionState.Late => "Quá hạn chưa gửi",
        _ => "Chưa lập",
    };
}
