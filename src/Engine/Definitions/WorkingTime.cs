using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Engine.Definitions;

public enum WorkingTimeUnit { Hours, Days }

/// <summary>
/// An amount of working time: <c>2d</c> (working days) or <c>4h</c> (working hours). One working day is
/// <see cref="HoursPerDay"/> working hours when the two must be compared or summed.
/// </summary>
[JsonConverter(typeof(WorkingTimeJsonConverter))]
public readonly record struct WorkingTime(decimal Amount, WorkingTimeUnit Unit) : IComparable<WorkingTime>
{
    public const decimal HoursPerDay = 8m;

    public static WorkingTime Zero => new(0, WorkingTimeUnit.Hours);
    public static WorkingTime Days(decimal amount) => new(amount, WorkingTimeUnit.Days);
    public static WorkingTime Hours(decimal amount) => new(amount, WorkingTimeUnit.Hours);

    public decimal TotalHours => Unit == WorkingTimeUnit.Days ? Amount * HoursPerDay : Amount;

    public static WorkingTime operator +(WorkingTime a, WorkingTime b) =>
        a.Unit == b.Unit ? new(a.Amount + b.Amount, a.Unit) : Hours(a.TotalHours + b.TotalHours);

    public int CompareTo(WorkingTime other) => TotalHours.CompareTo(other.TotalHours);
    public static bool operator >(WorkingTime a, WorkingTime b) => a.CompareTo(b) > 0;
    public static bool operator <(WorkingTime a, WorkingTime b) => a.CompareTo(b) < 0;
    public static bool operator >=(WorkingTime a, WorkingTime b) => a.CompareTo(b) >= 0;
    public static bool operator <=(WorkingTime a, WorkingTime b) => a.CompareTo(b) <= 0;

    public override string ToString() =>
        Amount.ToString("0.##", CultureInfo.InvariantCulture) + (Unit == WorkingTimeUnit.Days ? "d" : "h");

    /// <summary>Parses <c>2d</c>, <c>0.5d</c>, <c>4h</c>, <c>-1d</c> (negative parses so validation can name it).</summary>
    public static bool TryParse(string? text, out WorkingTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().ToLowerInvariant();
        var unit = t[^1] switch { 'd' => WorkingTimeUnit.Days, 'h' => WorkingTimeUnit.Hours, _ => (WorkingTimeUnit?)null };
        if (unit is null) return false;
        if (!decimal.TryParse(t[..^1].Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var amount)) return false;
        value = new WorkingTime(amount, unit.Value);
        return true;
    }

    public static WorkingTime Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a working time such as '2d' or '4h'.");
}

internal sealed class WorkingTimeJsonConverter : JsonConverter<WorkingTime>
{
    public override WorkingTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WorkingTime.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, WorkingTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
