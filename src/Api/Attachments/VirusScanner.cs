using System.Text;

namespace Api.Attachments;

public sealed record ScanResult(bool Clean, string? Threat = null);

/// <summary>The hook where an antivirus engine (e.g. clamd) checks every upload before it is kept.</summary>
public interface IVirusScanner
{
    Task<ScanResult> ScanAsync(Stream content, CancellationToken ct);
}

/// <summary>
/// The default scanner knows only the EICAR test signature, so the hook and its refusal path can be tested
/// end to end; production deployments register a real engine behind <see cref="IVirusScanner"/>.
/// </summary>
public sealed class SignatureScanner : IVirusScanner
{
    private static readonly byte[] Eicar = Encoding.ASCII.GetBytes("EICAR-STANDARD-ANTIVIRUS-TEST-FILE");

    public async Task<ScanResult> ScanAsync(Stream content, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024 + Eicar.Length];
        var carried = 0;
        int read;
        while ((read = await content.ReadAsync(buffer.AsMemory(carried, buffer.Length - carried), ct)) > 0)
        {
            var length = carried + read;
            if (buffer.AsSpan(0, length).IndexOf(Eicar) >= 0) return new ScanResult(false, "EICAR-Test-File");
            carried = Math.Min(Eicar.Length - 1, length);
            buffer.AsSpan(length - carried, carried).CopyTo(buffer);
        }
        return new ScanResult(true);
    }
}
