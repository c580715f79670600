using Procedures.Reports;

namespace Procedures.Quality;

/// <summary>The ISO record lists as Excel workbooks, in the order and with the columns the lists show.</summary>
public static class QualityExports
{
    public static byte[] Nonconformities(string unitName, IEnumerable<NonconformityView> rows) => ExcelExport.Workbook(new ExcelExport.Sheet(
        "Khong phu hop", "SỔ THEO DÕI SỰ KHÔNG PHÙ HỢP VÀ HÀNH ĐỘNG KHẮC PHỤC", unitName,
        ["Số", "Nguồn", "Tham chiếu", "Mô tả", "Nguyên nhân", "Hành động khắc phục", "Người thực hiện", "Thời hạn", "Trạng thái", "Quá hạn",
         "Người kiểm tra", "Kết quả kiểm tra", "Ngày đóng"],
        rows.Select(n => (IReadOnlyList<object?>)[n.Number, n.Source.ToString(), n.SourceRef, n.Description, n.Cause, n.CorrectiveAction, n.Owner,
            n.DueOn, n.Status.ToString(), n.Overdue, n.VerifiedBy, n.VerificationNote, n.ClosedAt])));

    public static byte[] Audits(string unitName, IEnumerable<AuditView> rows) => ExcelExport.Workbook(new ExcelExport.Sheet(
        "Danh gia noi bo", "KẾ HOẠCH VÀ KẾT QUẢ ĐÁNH GIÁ NỘI BỘ", unitName,
        ["Cuộc đánh giá", "Phạm vi", "Ngày dự kiến", "Chuyên gia", "Trạng thái", "Ngày thực hiện", "Điều khoản", "Phát hiện", "Loại", "Số KPH"],
        rows.SelectMany(a => a.Findings.Count == 0
            ? [(IReadOnlyList<object?>)[a.Title, a.Scope, a.PlannedOn, a.Auditors, a.Status.ToString(), a.DoneOn, null, null, null, null]]
            : a.Findings.Select(f => (IReadOnlyList<object?>)[a.Title, a.Scope, a.PlannedOn, a.Auditors, a.Status.ToString(), a.DoneOn,
                f.Clause, f.Description, f.Kind.ToString(), f.NonconformityNumber]))));

    public static byte[] ManagementReviews(string unitName, IEnumerable<ManagementReviewView> rows) => ExcelExport.Workbook(new ExcelExport.Sheet(
        "Xem xet lanh dao", "BIÊN BẢN XEM XÉT CỦA LÃNH ĐẠO", unitName,
        ["Ngày họp", "Chủ trì", "Thành phần", "Nội dung xem xét", "Kết luận", "Hành động"],
        rows.Select(m => (IReadOnlyList<object?>)[m.HeldOn, m.Chair, m.Participants, m.Inputs, m.Decisions, m.Actions])));

    public static byte[] DocumentRegister(string unitName, IEnumerable<DocumentRegisterRow> rows) => ExcelExport.Workbook(new ExcelExport.Sheet(
        "Danh muc tai lieu", "DANH MỤC TÀI LIỆU KIỂM SOÁT", unitName,
        ["Nguồn", "Loại", "Mã", "Tên tài liệu", "Lần ban hành", "Ngày hiệu lực", "Người phê duyệt", "Hiện hành"],
        rows.Select(d => (IReadOnlyList<object?>)[d.Source, d.Kind, d.Code, d.Title, d.Version, d.EffectiveFrom, d.ApprovedBy, d.IsCurrent])));

    public static byte[] Objectives(string unitName, ObjectivesReport report) => ExcelExport.Workbook(new ExcelExport.Sheet(
        "Muc tieu chat luong", $"MỤC TIÊU CHẤT LƯỢNG NĂM {report.Year}", unitName,
        ["Mục tiêu", "Thước đo", "Chỉ tiêu", "Kết quả", "Đạt", "Từ ngày", "Đến ngày", "Phụ trách"],
        report.Objectives.Select(o => (IReadOnlyList<object?>)[o.Title, o.Measure.ToString(), o.Target, o.Actual, o.Met, o.From, o.To, o.Owner])));
}
