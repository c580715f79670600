using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Persistence;
using Tests.Shared;

namespace Api.Tests.Sample;

/// <summary>
/// The API on its own database with the sample province and the demo accounts, shared by the fixtures of this
/// namespace: every test creates the dossiers it needs and never assumes an empty table.
/// </summary>
public sealed class SampleApi : IAsyncDisposable
{
    private static readonly Lazy<Task<SampleApi>> Shared = new(() => StartAsync(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    private SampleApi(ApiFactory factory, string files) => (Factory, FilesFolder) = (factory, files);

    public ApiFactory Factory { get; }
    public string FilesFolder { get; }

    public static Task<SampleApi> InstanceAsync() => Shared.Value;

    public static bool Started => Shared.IsValueCreated;

    public static async Task<SampleApi> StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var files = Path.Combine(Path.GetTempPath(), "iso-api-files-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string>
        {
            ["Samples:Seed"] = "true", ["Accounts:SeedDemo"] = "true", ["Files:Folder"] = files, ["Files:MaxBytes"] = "1048576",
            ["RateLimits:sign-in"] = "100000", ["RateLimits:tracking"] = "100000", ["RateLimits:public"] = "100000",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_sample"), settings);
        _ = factory.Server; // start now: migrations, samples and demo accounts
        return new SampleApi(factory, files);
    }

    public HttpClient Anonymous(string? language = null)
    {
        var client = Factory.CreateClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A client with a bearer token of the demo account <paramref name="userName"/>.</summary>
    public async Task<HttpClient> As(string userName)
    {
        var client = Factory.CreateClient();
        if (!_tokens.TryGetValue(userName, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName, password = DemoAccounts.Password });
            response.EnsureSuccessStatusCode();
            token = _tokens[userName] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> Db<T>(Func<ProceduresDb, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProceduresDb>());
    }

    public Task<Guid> UnitAsync(string code) => Db(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    public async Task<(Guid Id, IReadOnlyList<Guid> Required)> ProcedureAsync(string code) => await Db(async db =>
    {
        var p = await db.Procedures.Include(x => x.RequiredDocuments).SingleAsync(x => x.Code == code);
        return (p.Id, (IReadOnlyList<Guid>)p.RequiredDocuments.Where(d => !d.IsOptional).OrderBy(d => d.Order).Select(d => d.Id).ToList());
    });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        try { Directory.Delete(FilesFolder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    public static async Task DisposeSharedAsync()
    {
        if (Shared.IsValueCreated) await (await Shared.Value).DisposeAsync();
    }
}

/// <summary>Stops the shared sample API after the fixtures of this namespace.</summary>
[SetUpFixture]
public sealed class SampleApiLifetime
{
    [OneTimeTearDown]
    public Task Stop() => SampleApi.DisposeSharedAsync();
}
