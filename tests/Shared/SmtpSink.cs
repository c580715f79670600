using System.Diagnostics;

namespace Tests.Shared;

/// <summary>
/// A real SMTP server on loopback for the test run: Debian's <c>python3-aiosmtpd</c> (installed by test.sh) writing every
/// message it accepts to a Maildir, one file per message. Tests read the files back: Worker.Tests with MimeKit (so
/// encodings are decoded as a mail client would), the fault run by their raw headers (a copy sent twice is there twice).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    private SmtpSink(Process process, string maildir, int port) => (_process, _maildir, Port) = (process, maildir, port);

    public int Port { get; }

    /// <summary>The application's email settings that send to this sink, with the sender's address and name when given.</summary>
    public Dictionary<string, string?> EmailSettings(string? fromAddress = null, string? fromName = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        };
        if (fromAddress is not null) settings["Email:FromAddress"] = fromAddress;
        if (fromName is not null) settings["Email:FromName"] = fromName;
        return settings;
    }

    private string NewFolder => Path.Combine(_maildir, "new");

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

    /// <summary>The file of every message received so far.</summary>
    public IReadOnlyList<string> Files() => Directory.Exists(NewFolder) ? Directory.GetFiles(NewFolder) : [];

    /// <summary>Waits (polling, with a deadline) until at least <paramref name="count"/> messages arrived; returns all their files.</summary>
    public async Task<IReadOnlyList<string>> WaitForFilesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var files = Files();
            if (files.Count >= count) return files;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{files.Count} of {count} emails arrived");
            await Task.Delay(50);
        }
    }

    /// <summary>Every message received: its recipient and Message-ID (the delivery's id: the same for a copy sent again).</summary>
    public IReadOnlyList<(string To, string MessageId)> Messages() => Files().Select(f => Parse(File.ReadAllText(f))).ToList();

    /// <summary>Forgets what arrived so far.</summary>
    public void Clear()
    {
        foreach (var f in Files()) File.Delete(f);
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
