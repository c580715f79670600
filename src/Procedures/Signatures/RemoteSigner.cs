using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// A remote signing service for officials (the way cloud signing services work): <c>GET {base}/certificates/{user}</c>
/// answers the official's certificate and chain (base64 DER), <c>POST {base}/sign</c> signs a SHA-256 hash with the
/// official's key (the official confirms on their device). A refusal (4xx) or no answer within
/// <see cref="RemoteSignerSettings.Timeout"/> is a result: the step does not move.
/// </summary>
public sealed class RemoteSigner(HttpClient http, SignatureSettings settings) : IDocumentSigner
{
    public sealed record CertificateAnswer(string Certificate, IReadOnlyList<string> Chain);
    public sealed record SignRequest(string UserName, string HashAlgorithm, string Hash);
    public sealed record SignAnswer(string? Signature, string? Refusal);

    public async Task<DomainResult<SigningKey>> KeyForAsync(string userName, CancellationToken ct)
    {
        var answer = await CallAsync(c => http.GetAsync(Url($"certificates/{Uri.EscapeDataString(userName)}"), c), ct);
        if (answer.Error is { } failed) return failed;
        using var response = answer.Value!;
        if (!response.IsSuccessStatusCode) return SigningProblems.NoCertificate(userName);
        var body = await response.Content.ReadFromJsonAsync<CertificateAnswer>(ct);
        if (body is null) return SigningProblems.Refused("empty answer");
        var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(body.Certificate));
        var chain = body.Chain.Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c))).ToList();
        return new SigningKey(certificate, chain, (hash, c) => SignAsync(userName, hash, c));
    }

    async Task<DomainResult<byte[]>> SignAsync(string userName, byte[] hash, CancellationToken ct)
    {
        var answer = await CallAsync(c => http.PostAsJsonAsync(Url("sign"), new SignRequest(userName, "SHA-256", Convert.ToBase64String(hash)), c), ct);
        if (answer.Error is { } failed) return failed;
        using var response = answer.Value!;
        var body = await response.Content.ReadFromJsonAsync<SignAnswer>(ct);
        if (!response.IsSuccessStatusCode || body?.Signature is null)
            return SigningProblems.Refused(body?.Refusal ?? $"HTTP {(int)response.StatusCode}");
        return Convert.FromBase64String(body.Signature);
    }

    /// <summary>One call under the configured timeout; the caller's own cancellation still throws.</summary>
    async Task<DomainResult<HttpResponseMessage>> CallAsync(Func<CancellationToken, Task<HttpResponseMessage>> call, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Remote.Timeout);
        try
        {
            return await call(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SigningProblems.TimedOut(settings.Remote.Timeout);
        }
        catch (HttpRequestException e)
        {
            return SigningProblems.Refused(e.HttpRequestError.ToString());
        }
    }

    Uri Url(string path) => new(new Uri(settings.Remote.BaseUrl!.TrimEnd('/') + "/"), path);
}
