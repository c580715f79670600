using MimeKit;
using Tests.Shared;

namespace Worker.Tests.Delivery;

/// <summary>The shared <see cref="SmtpSink"/>'s messages read back with MimeKit, so encodings are decoded as a mail client would.</summary>
public static class SmtpSinkMessages
{
    /// <summary>Waits (polling, with a deadline) until at least <paramref name="count"/> messages arrived; returns them all.</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForAsync(this SmtpSink sink, int count, TimeSpan? timeout = null) =>
        (await sink.WaitForFilesAsync(count, timeout)).Select(f => MimeMessage.Load(f)).ToList();
}
