using System.Globalization;

namespace Api.Ui;

/// <summary>How the UI writes dates (dd/MM/yyyy, Vietnam time) and money (Vietnamese đồng), whatever the UI language.</summary>
public static class Fmt
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static DateTimeOffset Local(DateTimeOffset at) => Procedures.Common.VietnamTime.Local(at);

    public static string Date(DateTimeOffset? at) => at is { } v ? Local(v).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    public static string DateTime(DateTimeOffset? at) => at is { } v ? Local(v).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateOnly? day) => day is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>A count with Vietnamese digit grouping: 1.000.</summary>
    public static string Number(int n) => n.ToString("#,##0", Vi);

    public static string Money(decimal amount) => amount == 0 ? "0 ₫" : amount.ToString("#,##0", Vi) + " ₫";
}
