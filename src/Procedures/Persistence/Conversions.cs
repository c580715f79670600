using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Procedures.Persistence;

/// <summary>A list of enums stored as a <c>text[]</c> of names.</summary>
internal static class EnumListConversion<T> where T : struct, Enum
{
    public static readonly ValueConverter<List<T>, string[]> Converter =
        new(v => v.Select(x => x.ToString()).ToArray(), v => v.Select(Enum.Parse<T>).ToList());

    public static readonly ValueComparer<List<T>> Comparer =
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());
}

/// <summary>A value stored as <c>jsonb</c>.</summary>
internal static class JsonConversion<T> where T : class, new()
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static readonly ValueConverter<T, string> Converter =
        new(v => JsonSerializer.Serialize(v, Options), v => JsonSerializer.Deserialize<T>(v, Options) ?? new T());

    public static readonly ValueComparer<T> Comparer =
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}
