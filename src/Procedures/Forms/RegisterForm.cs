using Procedures.Forms.Layout;

namespace Procedures.Forms;

/// <summary>One received dossier in the register.</summary>
/// <param name="Status">In words, e.g. "Đang xử lý", "Đã trả kết quả", "Yêu cầu bổ sung".</param>
public sealed record RegisterRow(
    int No,
    string DossierCode,
    string ProcedureName,
    string ApplicantName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset AppointmentAt,
    DateTimeOffset? ReturnedAt,
    string Status);

/// <summary>Form 06: register of received dossiers (sổ theo dõi hồ sơ) for a date range.</summary>
/// <param name="From">First day of the range, Vietnam calendar date.</param>
/// <param name="To">Last day of the range, inclusive.</param>
public sealed record RegisterForm(FormAgency Agency, DateOnly From, DateOnly To, IReadOnlyList<RegisterRow> Rows);

internal static class RegisterLayout
{
    // Shares in points of the landscape width: the dossier code must fit on one line to be found by eye.
    static readonly TableColumn[] Columns =
    [
        new("STT", 28, Align.Center), new("Mã hồ sơ", 142), new("Tên thủ tục hành chính", 170),
        new("Tên cá nhân, tổ chức", 118), new("Nhận hồ sơ", 62, Align.Center), new("Hẹn trả kết quả", 62, Align.Center),
        new("Trả kết quả", 62, Align.Center), new("Tình trạng", 98, Align.Center),
    ];

    public static byte[] Render(RegisterForm f)
    {
        if (f.To < f.From)
            throw new ArgumentException("The register's range ends before it starts.", nameof(f));

        var range = $"Từ ngày {VietnameseFormat.Date(f.From)} đến ngày {VietnameseFormat.Date(f.To)}";
        var w = new FormWriter($"Sổ theo dõi hồ sơ {f.Agency.Code} {range}", landscape: true,
            footerNote: $"Sổ theo dõi hồ sơ - {f.Agency.Name} - {range}");
        w.Header(f.Agency, "Mẫu số 06", dated: null);
        w.Title("SỔ THEO DÕI HỒ SƠ", range);
        w.Paragraph(w.Text("Tổng số hồ sơ tiếp nhận: "), w.Bold(f.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        w.Space(4);

        new FormTable(w, Columns).Rows(f.Rows.Select(r => (IReadOnlyList<string>)
        [
            r.No.ToString(System.Globalization.CultureInfo.InvariantCulture), r.DossierCode, r.ProcedureName, r.ApplicantName,
            Stacked(r.ReceivedAt), Stacked(r.AppointmentAt), r.ReturnedAt is { } returned ? Stacked(returned) : "", r.Status,
        ]));
        return w.Finish();
    }

    // Date above time keeps the three date columns narrow enough for the code and the names.
    static string Stacked(DateTimeOffset at) => $"{VietnameseFormat.Date(at)}\n{VietnameseFormat.Time(at)}";
}
