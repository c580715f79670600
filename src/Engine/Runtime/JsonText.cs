using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Engine.Runtime;

/// <summary>
/// JSON text written straight to a string, for the history and outbox rows every transition writes: the same text a
/// <see cref="System.Text.Json.Nodes.JsonObject"/> would give, without building the object first. The buffer is kept per thread.
/// </summary>
internal static class JsonText
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    public static string Object<T>(T state, Action<Utf8JsonWriter, T> write)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        write(writer, state);
        writer.WriteEndObject();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(this Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } v) writer.WriteString(name, v);
        else writer.WriteNull(name);
    }

    public static void Write(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
