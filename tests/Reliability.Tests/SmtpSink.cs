using System.Diagnostics;
using Tests.Shared;

namespace Reliability.Tests;

/// <summary>
/// A real SMTP server on loopback (Debian's <c>python3-aiosmtpd</c>, as in Worker.Tests) writing each accepted message to a
/// Maildir. The run reads the raw files: a message sent twice is the same recipient, subject and body twice.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private SmtpSink(Process process, string maildir, int port) => (_process, _maildir, Port) = (process, maildir, port);

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var maildir = Path.Combine(Path.GetTempPath(), $"iso-fault-smtp-{Guid.NewGuid():N}");
        var port = LoopbackPorts.Free();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var psi = new ProcessStartInfo(python) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start");
        var sink = new SmtpSink(process, maildir, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await LoopbackPorts.AcceptsAsync(port))
        {
            if (process.HasExited) Assert.Ignore($"The SMTP sink exited (install python3-aiosmtpd): {await process.StandardError.ReadToEndAsync()}");
            if (DateTime.UtcNow > deadline) { await sink.DisposeAsync(); throw new TimeoutException("The SMTP sink did not listen within 30 s"); }
            await Task.Delay(50);
        }
        return sink;
    }

    /// <summary>Every message received: its recipient and Message-ID (the delivery's id: the same for a copy sent again).</summary>
    public IReadOnlyList<(string To, string MessageId)> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder).Select(f => Parse(File.ReadAllText(f))).ToList();
    }

    private static (string To, string MessageId) Parse(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = (split < 0 ? raw : raw[..split]).Replace("\n ", " ", StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal).Split('\n');
        string Header(string name) => headers.FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim() ?? "";
        return (Header("To"), Header("Message-ID"));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_maildir, recursive: true); }
        catch (IOException) { }
    }
}
