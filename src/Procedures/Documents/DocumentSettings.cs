using Microsoft.Extensions.Configuration;

namespace Procedures.Documents;

/// <summary>
/// Settings of the printed documents, from the <c>Documents</c> configuration section and the app's public address
/// (<c>PublicBaseUrl</c>): the public tracking page that receipts' QR codes and messages' links point to.
/// </summary>
public sealed record DocumentSettings
{
    public const string Section = "Documents";

    /// <summary>The address citizens reach the portal at, e.g. <c>https://dichvucong.example.vn/</c> (configuration key <c>PublicBaseUrl</c>).</summary>
    public const string PublicBaseUrlKey = "PublicBaseUrl";

    private const string TrackingPath = "tra-cuu";
    private static readonly Uri LoopbackDefault = new("http://127.0.0.1:5080/");

    /// <summary>
    /// The tracking page when no request says which address the reader uses (messages sent in the background):
    /// <c>Documents:TrackingBaseUrl</c>, else <c>PublicBaseUrl</c>/tra-cuu, else the address the app listens on (<c>urls</c>).
    /// </summary>
    public Uri TrackingBaseUrl { get; init; } = new(LoopbackDefault, TrackingPath);

    /// <summary>Whether an operator set the address (<c>PublicBaseUrl</c> or <c>Documents:TrackingBaseUrl</c>); if not, a request's own address wins.</summary>
    public bool AddressConfigured { get; init; }

    /// <summary>
    /// The tracking page for a document produced in a request: the configured address, else the address the request came to
    /// (scheme, host and path base as the browser used them, proxies' forwarded headers applied), so a receipt printed at
    /// <c>http://10.0.0.5:8080</c> carries a QR code that opens there.
    /// </summary>
    public Uri TrackingPage(Uri? requestBase) => AddressConfigured || requestBase is null ? TrackingBaseUrl : new Uri(WithSlash(requestBase), TrackingPath);

    /// <summary>The settings from configuration, defaults where absent; an address that is not an absolute http(s) URL stops the start-up.</summary>
    public static DocumentSettings From(IConfiguration? config)
    {
        if (Absolute(config, $"{Section}:{nameof(TrackingBaseUrl)}") is { } tracking)
            return new DocumentSettings { TrackingBaseUrl = tracking, AddressConfigured = true };
        if (Absolute(config, PublicBaseUrlKey) is { } publicBase)
            return new DocumentSettings { TrackingBaseUrl = new Uri(WithSlash(publicBase), TrackingPath), AddressConfigured = true };
        return new DocumentSettings { TrackingBaseUrl = new Uri(Listening(config?["urls"]) ?? LoopbackDefault, TrackingPath) };
    }

    private static Uri? Absolute(IConfiguration? config, string key)
    {
        var url = config?[key];
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{key} must be an absolute http(s) URL, not '{url}'.");
        return uri;
    }

    /// <summary>The first address of <c>--urls</c>; a wildcard host (0.0.0.0, +, *, [::]) becomes this machine's name.</summary>
    private static Uri? Listening(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return null;
        var wildcard = first.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        if (uri.Host is "0.0.0.0" or "[::]" or "::") uri = new UriBuilder(uri) { Host = System.Net.Dns.GetHostName() }.Uri;
        return WithSlash(uri);
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
