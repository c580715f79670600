// Outside Procedures.Tests on purpose: the forms need no database, so the assembly's PostgreSQL set-up fixture does not run for them.
namespace Procedures.Forms.Tests;

/// <summary>Realistic Vietnamese data for the forms, with names that use every kind of diacritic.</summary>
internal static class FormSamples
{
    public const string Tuyet = "Nguyễn Thị Ánh Tuyết";
    public const string Binh = "Đặng Văn Bình";
    public const string Hung = "Trần Quốc Hưng";
    public const string Hang = "Phạm Thị Hằng";
    public const string Code = "000.00.07.H29-260303-0001";

    static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Received = new(2026, 3, 3, 9, 15, 0, Vietnam);
    public static readonly DateTimeOffset Appointment = new(2026, 3, 6, 14, 0, 0, Vietnam);

    public static readonly FormAgency Commune = new(
        "UBND xã Đạ Tông", "UBND tỉnh Lâm Đồng", "000.00.07.H29", "Thôn Đạ Tông, xã Đạ Tông, tỉnh Lâm Đồng", "0263 3876 543", "Đạ Tông");

    public static readonly FormApplicant Applicant = new(
        Tuyet, "068186001234", "0912 345 678", "anhtuyet@example.vn", "Số 12 đường Hùng Vương, thôn Đạ Nhar, xã Đạ Tông, tỉnh Lâm Đồng");

    public static ReceiptForm Receipt() => new(
        Commune, Code, "Đăng ký thường trú", Applicant,
        [
            new("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", 1, "Bản chính", true),
            new("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà có công chứng)", 1, "Bản sao có chứng thực", true),
            new("Văn bản đồng ý cho đăng ký thường trú của chủ hộ", 1, "Bản chính", false),
        ],
        Received, Appointment, 20_000m, "Bộ phận Một cửa UBND xã Đạ Tông", Binh, new Uri("https://dichvucong.lamdong.gov.vn/tra-cuu-ho-so"));

    public static SupplementRequestForm Supplement() => new(
        Commune, Code, "Đăng ký kết hôn", Applicant, Received,
        [
            "Giấy xác nhận tình trạng hôn nhân của bên nam do UBND xã nơi thường trú cấp (bản chính, còn thời hạn 6 tháng)",
            "Bản sao Căn cước công dân của ông Trần Quốc Hưng",
            "Tờ khai đăng ký kết hôn có đủ chữ ký của hai bên nam, nữ",
        ],
        "Hồ sơ chưa đủ thành phần theo quy định tại Điều 18 Luật Hộ tịch năm 2014.",
        new DateTimeOffset(2026, 3, 13, 17, 0, 0, Vietnam), Hang, Received);

    public static RefusalForm Refusal() => new(
        Commune, null, "Cấp giấy phép xây dựng nhà ở riêng lẻ", Applicant,
        "Thửa đất số 245, tờ bản đồ số 12 nằm trong hành lang bảo vệ an toàn đường bộ theo quy hoạch đã được phê duyệt; không đủ điều kiện cấp giấy phép xây dựng.",
        Binh, Received);

    public static ApologyForm Apology() => new(
        Commune, Code, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", Applicant, Received,
        Appointment, new DateTimeOffset(2026, 3, 11, 10, 30, 0, Vietnam),
        "Chờ kết quả xác định nghĩa vụ tài chính của cơ quan thuế (liên thông).", "Phòng Kinh tế xã Đạ Tông",
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", Hung, new DateTimeOffset(2026, 3, 5, 8, 0, 0, Vietnam));

    static readonly (string Step, string Giver, string Receiver)[] Chain =
    [
        ("Chuyển hồ sơ cho lãnh đạo phòng", Binh, Hang),
        ("Phân công chuyên viên thụ lý", Hang, Hung),
        ("Thẩm định hồ sơ", Hung, Tuyet),
        ("Ký duyệt kết quả", Tuyet, Binh),
    ];

    static readonly string[] Timeliness = ["Trước hạn", "Đúng hạn", "Quá hạn"];

    /// <summary>Hand-offs cycling through the four people and the three timeliness values.</summary>
    public static FormHandOff HandOff(int i) => new(
        Received.AddHours(i), Chain[i % Chain.Length].Step, Chain[i % Chain.Length].Giver, Chain[i % Chain.Length].Receiver,
        Received.AddHours(i + 4), Timeliness[i % Timeliness.Length], i % 5 == 0 ? "Đã kiểm tra đủ thành phần" : null);

    public static ProcessControlForm ProcessControl(int handOffs) => new(
        Commune, Code, "Đăng ký thường trú", Tuyet, "Công an xã Đạ Tông", Received, Appointment,
        Enumerable.Range(0, handOffs).Select(HandOff).ToList(), "Đã trả kết quả đúng hạn");

    static readonly string[] Procedures = ["Đăng ký khai sinh", "Đăng ký kết hôn", "Chứng thực bản sao từ bản chính", "Đăng ký hộ kinh doanh"];
    static readonly string[] Names = [Tuyet, Binh, Hung, Hang];

    /// <summary>Register rows with distinct codes; every third one not returned yet.</summary>
    public static RegisterRow Row(int i) => new(
        i + 1, $"000.00.07.H29-2603{3 + i / 100:00}-{i % 100 + 1:0000}", Procedures[i % Procedures.Length], Names[i % Names.Length],
        Received.AddMinutes(7 * i), Appointment.AddMinutes(7 * i), i % 3 == 2 ? null : Appointment.AddMinutes(7 * i - 60),
        i % 3 == 2 ? "Đang xử lý" : "Đã trả kết quả");

    public static RegisterForm Register(int rows) => new(
        Commune, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Enumerable.Range(0, rows).Select(Row).ToList());
}
