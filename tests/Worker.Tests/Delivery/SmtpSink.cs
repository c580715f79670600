using System.Diagnostics;
using MimeKit;
using Tests.Shared;

namespace Worker.Tests.Delivery;

/// <summary>
/// A real SMTP server on loopback for the test run: Debian's <c>python3-aiosmtpd</c> writing every message it accepts
/// to a Maildir, which the test reads back with MimeKit (so encodings are decoded as a mail client would).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private SmtpSink(Process process, string maildir, int port) => (_process, _maildir, Port) = (process, maildir, port);

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var maildir = Path.Combine(Path.GetTempPath(), $"iso-smtp-{Guid.NewGuid():N}");
        var port = LoopbackPorts.Free();
        // Debian's interpreter: that is where apt installed the module, whatever python3 comes first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var psi = new ProcessStartInfo(python) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start");
        var sink = new SmtpSink(process, maildir, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await LoopbackPorts.AcceptsAsync(port))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The SMTP sink exited: {await process.StandardError.ReadToEndAsync()} (install python3-aiosmtpd)");
            if (DateTime.UtcNow > deadline) { await sink.DisposeAsync(); throw new TimeoutException("The SMTP sink did not listen within 30 s"); }
            await Task.Delay(50);
        }
        return sink;
    }

    /// <summary>Waits (polling, with a deadline) until at least <paramref name="count"/> messages arrived; returns them all.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var files = Directory.Exists(Path.Combine(_maildir, "new")) ? Directory.GetFiles(Path.Combine(_maildir, "new")) : [];
            if (files.Length >= count)
                return files.Select(f => MimeMessage.Load(f)).ToList();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{files.Length} of {count} emails arrived");
            await Task.Delay(50);
        }
    }

    /// <summary>Forgets what arrived so far.</summary>
    public void Clear()
    {
        var folder = Path.Combine(_maildir, "new");
        if (Directory.Exists(folder)) foreach (var f in Directory.GetFiles(folder)) File.Delete(f);
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
