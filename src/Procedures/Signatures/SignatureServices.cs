using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Procedures.Signatures;

public static class SignatureServices
{
    /// <summary>
    /// Signing and verification from the <c>Signatures</c> section: a remote service when <c>Signatures:Remote:BaseUrl</c>
    /// is set, else the stored PKCS#12 files. A test or host may register its own <see cref="SignatureSettings"/> first.
    /// </summary>
    public static IServiceCollection AddResultSignatures(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => SignatureSettings.From(sp.GetService<IConfiguration>()));
        services.TryAddSingleton(sp => TrustStore.Load(sp.GetRequiredService<SignatureSettings>()));
        services.TryAddSingleton<SignatureVerifier>();
        services.TryAddSingleton(sp => new TimestampAuthority(SharedClient, sp.GetRequiredService<SignatureSettings>()));
        services.TryAddScoped<StoredCertificates>();
        services.TryAddScoped<IDocumentSigner>(sp =>
        {
            var settings = sp.GetRequiredService<SignatureSettings>();
            return string.IsNullOrWhiteSpace(settings.Remote.BaseUrl)
                ? sp.GetRequiredService<StoredCertificates>()
                : new RemoteSigner(SharedClient, settings);
        });
        services.TryAddScoped<DocumentSigning>();
        services.TryAddScoped<ResultSigning>();
        services.TryAddScoped<FormSigning>();
        return services;
    }

    /// <summary>One client for the process (connections are pooled); the timeout is per call, from the settings.</summary>
    static readonly HttpClient SharedClient = new() { Timeout = Timeout.InfiniteTimeSpan };
}
