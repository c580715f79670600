namespace Worker.Templates;

/// <summary>
/// The events citizens and businesses are told about, and the placeholders each one's templates may use.
/// A template naming anything else is refused on save, so a typo never reaches a citizen as <c>{{Apointment}}</c>.
/// </summary>
public static class TemplateEvents
{
    public const string DossierReceived = "dossier-received";
    public const string SupplementRequested = "supplement-requested";
    /// <summary>The citizen's supplement deadline is near and the supplement is not in yet.</summary>
    public const string SupplementReminder = "supplement-reminder";
    public const string DossierRefused = "dossier-refused";
    /// <summary>The supplement deadline passed without the supplement, so the dossier was refused or closed as not completed.</summary>
    public const string DossierClosedUnsupplied = "dossier-closed-unsupplied";
    public const string ApologyIssued = "apology-issued";
    public const string ResultReady = "result-ready";
    /// <summary>The result is ready and signed: told instead of <see cref="ResultReady"/>, with where to download and check it.</summary>
    public const string SignedResultReady = "signed-result-ready";
    public const string RatingRequested = "rating-requested";
    /// <summary>A free-text message an official writes to the citizen of a dossier.</summary>
    public const string OfficialMessage = "official-message";

    /// <summary>Every event may use these.</summary>
    public static readonly IReadOnlyList<string> Common = ["CitizenName", "DossierCode", "ProcedureName", "UnitName", "TrackingLink"];

    private static readonly Dictionary<string, string[]> Specific = new(StringComparer.Ordinal)
    {
        [DossierReceived] = ["ReceivedDate", "AppointmentDate"],
        [SupplementRequested] = ["MissingItems", "SupplementDueDate", "Reason"],
        [DossierRefused] = ["Reason", "RefusedDate"],
        [DossierClosedUnsupplied] = ["SupplementDueDate", "ClosedDate", "Outcome", "LegalBasis"],
        [SupplementReminder] = ["MissingItems", "SupplementDueDate"],
        [ApologyIssued] = ["NewAppointmentDate", "OldAppointmentDate", "Reason"],
        [ResultReady] = ["ReturnPlace", "ResultName"],
        [SignedResultReady] = ["ReturnPlace", "ResultName", "MyDossiersLink", "VerificationLink"],
        [RatingRequested] = ["RatingLink"],
        [OfficialMessage] = ["Message", "SenderName"],
    };

    public static IReadOnlyCollection<string> All => Specific.Keys;

    public static bool IsKnown(string? name) => name is not null && Specific.ContainsKey(name);

    /// <summary>Placeholders allowed in templates of <paramref name="eventName"/>.</summary>
    public static IReadOnlySet<string> Placeholders(string eventName) =>
        new HashSet<string>(Common.Concat(Specific.GetValueOrDefault(eventName) ?? []), StringComparer.Ordinal);

    /// <summary>Values for previews: plausible Vietnamese data for every placeholder of the event.</summary>
    public static IReadOnlyDictionary<string, string> SampleValues(string eventName)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CitizenName"] = "Nguyễn Thị Hương", ["DossierCode"] = "000.01.31.H29-260303-0007",
            ["ProcedureName"] = "Đăng ký khai sinh", ["UnitName"] = "Ủy ban nhân dân xã Tân Phú",
            ["TrackingLink"] = "https://dichvucong.example.vn/tra-cuu/000.01.31.H29-260303-0007",
            ["ReceivedDate"] = "03/03/2026", ["AppointmentDate"] = "06/03/2026", ["MissingItems"] = "Bản sao giấy chứng sinh; Tờ khai có chữ ký",
            ["SupplementDueDate"] = "10/03/2026", ["RefusedDate"] = "04/03/2026", ["ClosedDate"] = "11/03/2026",
            ["Outcome"] = "bị từ chối giải quyết", ["LegalBasis"] = "Nghị định 61/2018/NĐ-CP, sửa đổi bởi Nghị định 107/2021/NĐ-CP (Điều 15, 16)", ["Reason"] = "Cần xác minh thêm thông tin", ["NewAppointmentDate"] = "12/03/2026",
            ["OldAppointmentDate"] = "06/03/2026", ["ReturnPlace"] = "Bộ phận một cửa xã Tân Phú", ["ResultName"] = "Giấy khai sinh",
            ["RatingLink"] = "https://dichvucong.example.vn/danh-gia/000.01.31.H29-260303-0007",
            ["MyDossiersLink"] = "https://dichvucong.example.vn/cong-dan/ho-so", ["VerificationLink"] = "https://dichvucong.example.vn/xac-thuc",
            ["Message"] = "Đề nghị ông/bà mang theo bản chính để đối chiếu.", ["SenderName"] = "Trần Văn Bình",
        };
        var allowed = Placeholders(eventName);
        return all.Where(p => allowed.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
