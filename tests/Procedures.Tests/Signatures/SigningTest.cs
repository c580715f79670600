using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Procedures.Signatures;
using Procedures.Tests.Dossiers;
using Tests.Shared;

namespace Procedures.Tests.Signatures;

/// <summary>
/// Dossier tests with a signer configured: a test authority (with its CRL) trusted, a key-encryption key for stored certificates,
/// and the ways the tests give officials a certificate or a remote signer, one that answers or one that never does.
/// </summary>
public abstract class SigningTest(string pkiName) : DossierTest
{
    protected TestPki Pki { get; } = new(Path.Combine(Path.GetTempPath(), $"iso-pki-{pkiName}-" + Guid.NewGuid().ToString("N")));
    protected SignatureSettings Settings { get; private set; } = null!;

    protected override void Configure(IServiceCollection services)
    {
        Settings = new SignatureSettings
        {
            TrustedCertificateFiles = [Pki.AuthorityFile],
            CrlFiles = [Pki.CrlFile],
            KeyEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        services.Replace(ServiceDescriptor.Singleton(Settings));
    }

    [OneTimeTearDown]
    public void DisposePki() => Pki.Dispose();

    /// <summary>Stores <paramref name="certificate"/> as the official's, as an administrator's upload does: "ok", or the refusal's code.</summary>
    protected async Task<string> Upload(X509Certificate2 certificate, string official)
    {
        await using var scope = NewScope();
        var uploaded = await scope.ServiceProvider.GetRequiredService<StoredCertificates>()
            .UploadAsync(official, TestPki.Pkcs12(certificate), null, "admin", CancellationToken.None);
        return uploaded.Error?.Code ?? "ok";
    }

    /// <summary>The remote signer is <paramref name="silent"/>, which accepts connections and never answers; a call gives up after a second.</summary>
    protected void SilentSigner(TcpListener silent)
    {
        silent.Start();
        Settings.Remote.BaseUrl = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/";
        Settings.Remote.Timeout = TimeSpan.FromSeconds(1);
    }

    /// <summary>A remote signing service holding <paramref name="official"/>'s valid certificate, used by the signer (with <paramref name="timeout"/> when given).</summary>
    protected async Task<TestSigningService> RemoteSigner(string official, TimeSpan? timeout = null)
    {
        var service = await TestSigningService.StartAsync(new Dictionary<string, X509Certificate2> { [official] = Pki.Valid }, [Pki.Authority]);
        Settings.Remote.BaseUrl = service.BaseUrl;
        if (timeout is { } limit) Settings.Remote.Timeout = limit;
        return service;
    }
}
