using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Persistence;
using Tests.Shared;

namespace Ui.Tests;

/// <summary>
/// The whole app (API, web UI, in-process worker) on a real Kestrel port, on its own database of the shared test PostgreSQL
/// with the sample province and the demo accounts, so a real browser can use it. One per test run.
/// </summary>
public sealed class UiHost : IAsyncDisposable
{
    private static readonly Lazy<Task<UiHost>> Shared = new(() => StartAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Task<UiHost>> Signing = new(StartSigningAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private UiHost(Factory factory, Uri address, TestPki? pki) => (App, Address, Pki) = (factory, address, pki);

    public WebApplicationFactory<Program> App { get; }
    public Uri Address { get; }
    /// <summary>The authority the signing host trusts, with the officials' certificates; null on the shared host, which signs nothing.</summary>
    public TestPki? Pki { get; }

    public static Task<UiHost> InstanceAsync() => Shared.Value;

    /// <summary>
    /// A second app on its own database, with result signing on (stored PKCS#12 files, the test PKI trusted), for the journeys
    /// that sign; the shared host keeps signing off, so the other journeys' leaders sign as before.
    /// </summary>
    public static Task<UiHost> SigningInstanceAsync() => Signing.Value;

    public static bool Started => Shared.IsValueCreated;
    public static bool SigningStarted => Signing.IsValueCreated;

    private static Task<UiHost> StartSigningAsync()
    {
        var pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-ui-pki-" + Guid.NewGuid().ToString("N")[..8]));
        return StartAsync(pki, new Dictionary<string, string>
        {
            ["Signatures:TrustedCertificateFiles:0"] = pki.AuthorityFile,
            ["Signatures:CrlFiles:0"] = pki.CrlFile,
            ["Signatures:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    private static async Task<UiHost> StartAsync(TestPki? pki = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var port = LoopbackPorts.Free();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = await TestPostgres.CreateDatabaseAsync(pki is null ? "ui" : "ui_signing"),
            ["Samples:Seed"] = "true", ["Accounts:SeedDemo"] = "true",
            ["Files:Folder"] = Path.Combine(Path.GetTempPath(), "iso-ui-files-" + Guid.NewGuid().ToString("N")[..8]),
            // No PublicBaseUrl: links printed on forms follow the address the browser used (When_a_receipt_is_printed).
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["RateLimits:sign-in"] = "100000", ["RateLimits:tracking"] = "100000", ["RateLimits:public"] = "100000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        var factory = new Factory(settings);
        factory.UseKestrel(port);
        factory.StartServer();
        return new UiHost(factory, address, pki);
    }

    public async Task<T> Db<T>(Func<ProceduresDb, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProceduresDb>());
    }

    public Task<string> DossierCodeAsync(Guid id) => Db(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Code!).SingleAsync());

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Pki?.Dispose();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
