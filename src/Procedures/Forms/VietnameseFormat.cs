using System.Globalization;

namespace Procedures.Forms;

/// <summary>How dates, times, money and ordinals are written on Vietnamese administrative forms.</summary>
public static class VietnameseFormat
{
    /// <summary>Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact
    /// and does not depend on the server's time-zone database.</summary>
    public static readonly TimeSpan VietnamOffset = Common.VietnamTime.Offset;

    // Spelled out rather than taken from the vi-VN culture so output does not depend on ICU data.
    static readonly NumberFormatInfo Dong = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", NegativeSign = "-" };

    static readonly string[] OrdinalWords = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

    /// <summary>The instant as wall-clock time in Vietnam.</summary>
    public static DateTimeOffset InVietnam(DateTimeOffset at) => Common.VietnamTime.Local(at);

    /// <summary>"03/03/2026".</summary>
    public static string Date(DateTimeOffset at) => InVietnam(at).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"03/03/2026".</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"09:05" (24-hour clock).</summary>
    public static string Time(DateTimeOffset at) => InVietnam(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"09:05 ngày 03/03/2026".</summary>
    public static string TimeAndDate(DateTimeOffset at) => $"{Time(at)} ngày {Date(at)}";

    /// <summary>"03/03/2026 09:05", compact enough for a table cell.</summary>
    public static string DateAndTime(DateTimeOffset at) => $"{Date(at)} {Time(at)}";

    /// <summary>The date line of an official document: "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026".
    /// Decree 30/2020 pads days below 10 and the months January and February with a zero, and only those.</summary>
    public static string DocumentDate(DateTimeOffset at)
    {
        var local = InVietnam(at);
        var month = local.Month <= 2 ? local.Month.ToString("00", CultureInfo.InvariantCulture) : local.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {local.Day:00} tháng {month} năm {local.Year}";
    }

    /// <summary>"1.234.000 đồng". The đồng has no minor unit in use; a fraction, if any, is shown after a comma.</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.##", Dong) + " đồng";

    /// <summary>"thứ nhất", "thứ tư", ..., "thứ mười", then "thứ 11".</summary>
    public static string Ordinal(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return n <= OrdinalWords.Length ? $"thứ {OrdinalWords[n - 1]}" : $"thứ {n.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"Lần thứ nhất", "Lần thứ hai", ...</summary>
    public static string Round(int n) => "Lần " + Ordinal(n);
}
