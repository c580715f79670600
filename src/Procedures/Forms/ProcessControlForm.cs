using Procedures.Forms.Layout;

namespace Procedures.Forms;

/// <summary>Form 05: process-control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ): every hand-off of the
/// dossier with giver, receiver, time and whether it was early, on time or late.</summary>
/// <param name="ProcessingUnit">The unit in charge of settling the dossier.</param>
/// <param name="Result">How it ended, e.g. "Đã trả kết quả trước hạn"; null while still in progress.</param>
public sealed record ProcessControlForm(
    FormAgency Agency,
    string DossierCode,
    string ProcedureName,
    string ApplicantName,
    string? ProcessingUnit,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt,
    IReadOnlyList<FormHandOff> HandOffs,
    string? Result);

internal static class ProcessControlLayout
{
    // Landscape: eight columns with full names do not fit the width of a portrait page.
    static readonly TableColumn[] Columns =
    [
        new("STT", 0.45, Align.Center), new("Bước xử lý", 1.9), new("Người giao", 2.05), new("Người nhận", 2.05),
        new("Thời điểm giao, nhận", 1.5, Align.Center), new("Hạn xử lý", 1.5, Align.Center),
        new("Trước hạn/ Đúng hạn/ Quá hạn", 1.15, Align.Center), new("Ghi chú", 1.8),
    ];

    public static byte[] Render(ProcessControlForm f)
    {
        var w = new FormWriter($"Phiếu kiểm soát quá trình giải quyết hồ sơ {f.DossierCode}", landscape: true,
            footerNote: $"Phiếu kiểm soát quá trình - Mã hồ sơ {f.DossierCode}");
        w.Header(f.Agency, "Mẫu số 05", dated: null);
        w.Title("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");

        w.Paragraph([w.Text("Mã hồ sơ: "), w.Bold(f.DossierCode, 13)], Align.Center, after: 2);
        w.Paragraph([w.Italic("(Kèm theo hồ sơ của: "), w.BoldItalic(f.ApplicantName), w.Italic(")")], Align.Center, after: 8);
        w.Field("Thủ tục hành chính", f.ProcedureName);
        w.Field("Cơ quan (bộ phận) giải quyết hồ sơ", f.ProcessingUnit);
        w.Paragraph(w.Text("Nhận hồ sơ: "), w.Bold(VietnameseFormat.TimeAndDate(f.ReceivedAt)),
            w.Text("     Hẹn trả kết quả: "), w.Bold(VietnameseFormat.TimeAndDate(f.AppointmentAt)));
        w.Space(4);

        new FormTable(w, Columns).Rows(f.HandOffs.Select((h, i) => (IReadOnlyList<string>)
        [
            $"{i + 1}", h.Step, h.Giver, h.Receiver ?? "—", VietnameseFormat.DateAndTime(h.At),
            h.DueAt is { } due ? VietnameseFormat.DateAndTime(due) : "—", h.Timeliness ?? "Đang xử lý", h.Comment ?? "",
        ]));

        w.Paragraph(w.Bold("Kết quả giải quyết hồ sơ: "), w.Text(f.Result ?? "Đang giải quyết"));
        return w.Finish();
    }
}
