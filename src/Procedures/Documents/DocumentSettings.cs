using Microsoft.Extensions.Configuration;

namespace Procedures.Documents;

/// <summary>Settings of the printed documents, from the <c>Documents</c> configuration section.</summary>
public sealed record DocumentSettings
{
    public const string Section = "Documents";

    /// <summary>The public tracking page the receipt's QR code points to (<c>Documents:TrackingBaseUrl</c>).</summary>
    public Uri TrackingBaseUrl { get; init; } = new("http://127.0.0.1:5080/tra-cuu");

    /// <summary>The settings from configuration, defaults where absent; a tracking URL that is not absolute stops the start-up.</summary>
    public static DocumentSettings From(IConfiguration? config)
    {
        var settings = new DocumentSettings();
        var url = config?[$"{Section}:{nameof(TrackingBaseUrl)}"];
        if (string.IsNullOrWhiteSpace(url)) return settings;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var tracking) || tracking.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{Section}:{nameof(TrackingBaseUrl)} must be an absolute http(s) URL, not '{url}'.");
        return settings with { TrackingBaseUrl = tracking };
    }
}
