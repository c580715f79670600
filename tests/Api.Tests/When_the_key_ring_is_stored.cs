using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Api.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Tests.Shared;

namespace Api.Tests;

/// <summary>
/// Found by probing a fresh <c>./run.sh</c>: the data-protection master keys (which protect sign-in cookies and tokens) were
/// stored in clear in <c>accounts.data_protection_keys</c>, and the start-up log warned "No XML encryptor configured". Now
/// each key is encrypted with the key-ring key (a setting, or a 0600 file made at the first start), and a key stored in
/// clear by an earlier version is encrypted in place, still opening what it protected.
/// </summary>
public sealed class When_the_key_ring_is_stored
{
    private readonly ConcurrentQueue<LogEvent> _events = new();
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "iso-keyring-" + Guid.NewGuid().ToString("N")[..8]));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string KeyFile => Path.Combine(_folder, "data-protection.key");

    private ApiFactory Factory(string connectionString)
    {
        var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(new Sink(_events)).CreateLogger();
        return new ApiFactory(connectionString, new Dictionary<string, string>
        {
            ["Samples:Seed"] = "true", ["Samples:Dossiers"] = "0", ["Accounts:SeedDemo"] = "true", [KeyRingSecret.FileSetting] = KeyFile,
        }, s => s.AddSerilog(logger, dispose: true));
    }

    private static async Task<List<string>> KeysAsync(string connectionString)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT xml FROM accounts.data_protection_keys ORDER BY id", conn);
        var keys = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) keys.Add(r.GetString(0));
        return keys;
    }

    private static async Task SignInAsync(ApiFactory factory)
    {
        var client = factory.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName = "ys.clerk", password = DemoAccounts.Password });
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", access);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Should_store_every_key_encrypted_with_a_key_only_the_service_account_reads()
    {
        var database = await TestPostgres.CreateDatabaseAsync("api_keyring");
        await using var factory = Factory(database);

        await SignInAsync(factory);

        var keys = await KeysAsync(database);
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => k.Contains("encryptedSecret") && !k.Contains("<masterKey"));
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(KeyFile).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _events.ShouldNotContain(e => e.RenderMessage().Contains("No XML encryptor configured"));
        _events.ShouldNotContain(e => e.Level >= LogEventLevel.Warning && e.RenderMessage().Contains("DataProtection", StringComparison.OrdinalIgnoreCase));
    }

    [Test]
    public async Task Should_encrypt_a_key_stored_in_clear_by_an_earlier_version_and_still_open_what_it_protected()
    {
        var database = await TestPostgres.CreateDatabaseAsync("api_keyring_old");
        await using var factory = Factory(database);
        _ = factory.Server; // migrations
        // A key ring made the old way (no encryptor), and a cookie-like payload protected with it.
        var old = new MemoryRepository();
        var oldProvider = new ServiceCollection().AddLogging().AddDataProtection().SetApplicationName("iso-dien-tu").Services
            .Configure<KeyManagementOptions>(o => o.XmlRepository = old).BuildServiceProvider();
        var payload = oldProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("probe").Protect("phiên đăng nhập cũ");
        var clear = old.Elements.ShouldHaveSingleItem().ToString(SaveOptions.DisableFormatting);
        clear.ShouldContain("<masterKey");
        await using (var conn = new NpgsqlConnection(database))
        {
            await conn.OpenAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO accounts.data_protection_keys (friendly_name, xml) VALUES ('old', $1)", conn);
            insert.Parameters.Add(new NpgsqlParameter { Value = clear });
            await insert.ExecuteNonQueryAsync();
        }

        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("probe").Unprotect(payload).ShouldBe("phiên đăng nhập cũ");

        var keys = await KeysAsync(database);
        keys.ShouldAllBe(k => k.Contains("encryptedSecret") && !k.Contains("<masterKey"));
        await SignInAsync(factory);
    }

    private sealed class MemoryRepository : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];
        public IReadOnlyCollection<XElement> GetAllElements() => Elements.ToList();
        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }

    private sealed class Sink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}
