using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Procedures.Common;

namespace Procedures.Signatures;

/// <summary>
/// An RFC 3161 time-stamping authority over HTTP (<c>application/timestamp-query</c>): it stamps the SHA-256 of a
/// signature value, and the token is kept as the signer's unsigned attribute id-aa-signatureTimeStampToken, so the
/// signing time no longer rests on the server clock alone. No answer within the timeout, an HTTP error or an answer that
/// is not a granted token for this signature is a result: the signing step does not move.
/// </summary>
public sealed class TimestampAuthority(HttpClient http, SignatureSettings settings)
{
    public const string SignatureTimeStampTokenOid = "1.2.840.113549.1.9.16.2.14";

    public bool Enabled => !string.IsNullOrWhiteSpace(settings.Timestamp.Url);

    /// <summary>Adds the authority's token over <paramref name="signer"/>'s signature value to the signer's unsigned attributes.</summary>
    internal async Task<DomainError?> StampAsync(SignerInfo signer, CancellationToken ct)
    {
        var request = Rfc3161TimestampRequest.CreateFromSignerInfo(signer, HashAlgorithmName.SHA256,
            nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        var answer = await CallAsync(request.Encode(), ct);
        if (answer.Error is { } failed) return failed;
        Rfc3161TimestampToken token;
        try
        {
            token = request.ProcessResponse(answer.Value!, out _);
        }
        catch (CryptographicException e)
        {
            return SigningProblems.TimestampRefused(e.Message);
        }
        if (!token.VerifySignatureForSignerInfo(signer, out _))
            return SigningProblems.TimestampRefused("the token does not cover this signature");
        signer.AddUnsignedAttribute(new AsnEncodedData(SignatureTimeStampTokenOid, token.AsSignedCms().Encode()));
        return null;
    }

    async Task<DomainResult<byte[]>> CallAsync(byte[] query, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timestamp.Timeout);
        try
        {
            using var content = new ByteArrayContent(query);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await http.PostAsync(settings.Timestamp.Url, content, timeout.Token);
            if (!response.IsSuccessStatusCode) return SigningProblems.TimestampRefused($"HTTP {(int)response.StatusCode}");
            return await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return SigningProblems.TimestampTimedOut(settings.Timestamp.Timeout);
        }
        catch (HttpRequestException e)
        {
            return SigningProblems.TimestampRefused(e.HttpRequestError.ToString());
        }
    }
}
