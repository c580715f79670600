using System.Buffers;
using System.Text;
using System.Text.Json;
using Engine.Runtime;

namespace Procedures.Dossiers;

/// <summary>
/// The JSON text of a history row's facts (<see cref="DossierEvent.Data"/>): the use case's own facts, then where the move led
/// (<c>next</c>: the steps it opened, with role, unit, assignee and due time). Written straight to text in a buffer kept per thread:
/// building the node tree first and then its text cost a use case more than its whole write batch.
/// </summary>
internal static class HistoryFacts
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// <summary>
    /// <paramref name="facts"/> (an object, or null) with <c>next</c> set from <paramref name="opened"/> when the row records a move; null
    /// when there is nothing to say. A <c>next</c> of <paramref name="facts"/> gives way to the move's (written last: the last key wins in jsonb).
    /// </summary>
    public static string? Of(object? facts, IReadOnlyList<WorkItemInfo>? opened, JsonSerializerOptions options)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        if (facts is not null) JsonSerializer.Serialize(writer, facts, facts.GetType(), options);
        writer.Flush();
        var own = buffer.WrittenCount;
        // Its own facts without their braces: "{}" or nothing has none.
        var inner = own > 2 ? own - 2 : 0;
        if (opened is null) return inner == 0 ? null : Encoding.UTF8.GetString(buffer.WrittenSpan);
        writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var w in opened)
        {
            writer.WriteStartObject();
            writer.WriteString("step", w.StepId);
            writer.WriteString("role", w.Role);
            writer.WriteString("unit", w.UnitId);
            writer.WriteString("assignee", w.Assignee);
            writer.WritePropertyName("dueAt");
            if (w.DueAt is { } due) writer.WriteStringValue(due);
            else writer.WriteNullValue();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.Flush();
        var next = buffer.WrittenCount - own;
        // {own facts,"next":[…]}
        ReadOnlySpan<byte> key = "\"next\":"u8;
        var length = 1 + (inner == 0 ? 0 : inner + 1) + key.Length + next + 1;
        var text = buffer.GetSpan(length);
        var written = buffer.WrittenSpan;
        var at = 0;
        text[at++] = (byte)'{';
        if (inner > 0)
        {
            written.Slice(1, inner).CopyTo(text[at..]);
            at += inner;
            text[at++] = (byte)',';
        }
        key.CopyTo(text[at..]);
        at += key.Length;
        written.Slice(own, next).CopyTo(text[at..]);
        at += next;
        text[at++] = (byte)'}';
        return Encoding.UTF8.GetString(text[..at]);
    }
}
