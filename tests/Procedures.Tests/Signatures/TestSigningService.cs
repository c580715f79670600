using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Procedures.Signatures;

namespace Procedures.Tests.Signatures;

/// <summary>
/// A remote signing service for the tests, on real Kestrel and speaking <see cref="RemoteSigner"/>'s protocol: it answers the
/// officials' certificates and signs hashes with their keys from the test PKI. <see cref="BeforeSigning"/> runs while the
/// official would be confirming on their device, so a test can act on the dossier meanwhile.
/// </summary>
public sealed class TestSigningService : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly IReadOnlyDictionary<string, X509Certificate2> _keys;
    readonly IReadOnlyList<X509Certificate2> _chain;

    TestSigningService(WebApplication app, IReadOnlyDictionary<string, X509Certificate2> keys, IReadOnlyList<X509Certificate2> chain) =>
        (_app, _keys, _chain) = (app, keys, chain);

    public string BaseUrl => _app.Urls.Single() + "/";
    public Func<RemoteSigner.SignRequest, Task> BeforeSigning { get; set; } = _ => Task.CompletedTask;
    public int Signed { get; private set; }

    public static async Task<TestSigningService> StartAsync(IReadOnlyDictionary<string, X509Certificate2> keys, IReadOnlyList<X509Certificate2> chain)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var service = new TestSigningService(builder.Build(), keys, chain);
        service.MapRoutes();
        await service._app.StartAsync();
        return service;
    }

    void MapRoutes()
    {
        _app.MapGet("/certificates/{user}", (string user) => _keys.TryGetValue(user, out var c)
            ? Results.Ok(new RemoteSigner.CertificateAnswer(Convert.ToBase64String(c.RawData), [.. _chain.Select(a => Convert.ToBase64String(a.RawData))]))
            : Results.NotFound());
        _app.MapPost("/sign", async (RemoteSigner.SignRequest request) =>
        {
            if (!_keys.TryGetValue(request.UserName, out var c) || request.HashAlgorithm != "SHA-256")
                return Results.BadRequest(new RemoteSigner.SignAnswer(null, "unknown official or hash"));
            await BeforeSigning(request);
            var hash = Convert.FromBase64String(request.Hash);
            byte[] signature;
            if (c.GetRSAPrivateKey() is { } rsa)
                using (rsa) signature = rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            else
                using (var ecdsa = c.GetECDsaPrivateKey()!) signature = ecdsa.SignHash(hash, DSASignatureFormat.Rfc3279DerSequence); // as many services answer
            Signed++;
            return Results.Ok(new RemoteSigner.SignAnswer(Convert.ToBase64String(signature), null));
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
