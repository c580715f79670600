using System.Globalization;
using System.Text;
using Procedures.Dossiers;

namespace Procedures.Samples;

/// <summary>
/// Fictitious applicants of the sample province, deterministic by the generator's seed: Kinh and local (Tày, Dao, Nùng)
/// family names, names by gender, villages of the two communes, mobile numbers in the national plan, 12-digit
/// identity numbers with Tuyên Quang's code, and mail addresses on the reserved <c>.example</c> domain.
/// </summary>
internal static class SampleApplicants
{
    private static readonly string[] FamilyNames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương",
        "Lý", "Phan", "Hà", "Ma", "Nông", "Triệu", "Lương", "Quan", "Âu", "Vi", "Lục", "Bàn", "Chu", "Tạ", "Mai", "Đinh",
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Ngọc", "Mạnh"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Minh", "Phương", "Kim"];

    private static readonly string[] MaleGiven =
    [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Kiên", "Long", "Lộc", "Mạnh",
        "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Việt", "Vinh",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan",
        "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thu", "Thúy", "Trang", "Tuyết", "Vân", "Yến",
    ];

    private static readonly Dictionary<string, string[]> Villages = new(StringComparer.Ordinal)
    {
        [SampleProvince.YenSon] = ["thôn Đồng Chằm", "thôn Cầu Trắng", "thôn Làng Mãn", "thôn Khuôn Khán", "thôn Trung Thành", "thôn Đồng Cả", "tổ dân phố Tân Hà"],
        [SampleProvince.HamYen] = ["thôn Tân Yên", "thôn Bắc Mục", "thôn Thống Nhất", "thôn Cầu Xi", "thôn Nà Thâm", "tổ dân phố Tân Bình", "thôn Yên Phú"],
    };

    private static readonly string[] CommuneNames = ["Yên Sơn", "Hàm Yên"];
    private static readonly string[] MobilePrefixes = ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098", "088", "091", "094", "081", "083", "070", "076", "077", "079", "089", "090", "093"];
    private static readonly string[] Shops = ["Tạp hóa", "Quán cơm", "Sửa chữa xe máy", "Cửa hàng vật liệu xây dựng", "Cửa hàng điện thoại", "Quán cà phê", "Cơ sở chế biến chè", "Cửa hàng nông sản"];

    /// <summary>A resident of <paramref name="commune"/> (the department's applicants live in either commune), born between 1950 and 2006.</summary>
    public static ApplicantData Next(Random rng, string commune, bool business = false)
    {
        var female = rng.Next(2) == 0;
        var family = Pick(rng, FamilyNames);
        var middle = Pick(rng, female ? FemaleMiddle : MaleMiddle);
        var given = Pick(rng, female ? FemaleGiven : MaleGiven);
        var name = $"{family} {middle} {given}";
        var born = new DateOnly(1950, 1, 1).AddDays(rng.Next(0, 20_800));
        var home = Villages.TryGetValue(commune, out var villages) ? commune : Pick(rng, [SampleProvince.YenSon, SampleProvince.HamYen]);
        var communeName = home == SampleProvince.YenSon ? CommuneNames[0] : CommuneNames[1];
        var address = $"Số {rng.Next(1, 240)}, {Pick(rng, Villages[home])}, xã {communeName}, tỉnh Tuyên Quang";
        var phone = $"{Pick(rng, MobilePrefixes)}{rng.Next(0, 10)} {rng.Next(100, 1000)} {rng.Next(100, 1000)}";
        var email = rng.Next(3) == 0 ? null : $"{Ascii(given)}.{Ascii(family)}{born.Year % 100:00}@mail.example";
        return new ApplicantData(name, IdNumber(rng, female, born), phone, email, address, born,
            business ? $"Hộ kinh doanh {Pick(rng, Shops)} {given} {family}" : null,
            business ? $"80{rng.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture)}" : null);
    }

    /// <summary>A child's full name for a birth registration: the father's family name and a new given name.</summary>
    public static string ChildName(Random rng, ApplicantData parent)
    {
        var female = rng.Next(2) == 0;
        return $"{parent.FullName.Split(' ')[0]} {Pick(rng, female ? FemaleMiddle : MaleMiddle)} {Pick(rng, female ? FemaleGiven : MaleGiven)}";
    }

    /// <summary>CCCD: province of birth (008 Tuyên Quang), century and gender digit, two digits of the year, six random digits.</summary>
    public static string IdNumber(Random rng, bool female, DateOnly born) =>
        $"008{(born.Year >= 2000 ? 2 : 0) + (female ? 1 : 0)}{born.Year % 100:00}{rng.Next(0, 1_000_000):000000}";

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Ascii(string text)
    {
        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        return folded.ToString();
    }
}
