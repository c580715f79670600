using System.Net;
using System.Net.Http.Json;
using Api.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;

namespace Api.Tests;

/// <summary>The documented set-up: a load balancer at 10.0.0.5 in front of the API, named in <c>Hosting:KnownProxies</c>.</summary>
public sealed class When_clients_come_through_a_proxy
{
    private const string Proxy = "10.0.0.5", Stranger = "198.51.100.9";
    private WebApplicationFactory<Program> _factory = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_proxy"),
                new Dictionary<string, string> { ["Hosting:KnownProxies"] = Proxy, ["RateLimits:sign-in"] = "3" })
            .WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, Peer>()));

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    private HttpClient From(string peer, string? forwardedFor = null, string? forwardedProto = null, string scheme = "http")
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"{scheme}://iso.example.vn") });
        client.DefaultRequestHeaders.Add(Peer.Header, peer);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        return client;
    }

    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(HttpClient client, int count)
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
            answers.Add((await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "khong.co", password = "sai" })).StatusCode);
        return answers;
    }

    [Test]
    public async Task Should_count_sign_in_attempts_per_client_behind_a_known_proxy()
    {
        var first = await SignInAttemptsAsync(From(Proxy, "203.0.113.1"), 4);
        var second = await SignInAttemptsAsync(From(Proxy, "203.0.113.2"), 1);
        first.Take(3).ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
        first[3].ShouldBe(HttpStatusCode.TooManyRequests);
        second.ShouldAllBe(s => s != HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_ignore_forwarded_addresses_from_a_peer_that_is_not_a_known_proxy()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) answers.AddRange(await SignInAttemptsAsync(From(Stranger, $"192.0.2.{i + 1}"), 1));
        answers[3].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_mark_the_sign_in_cookie_secure_when_the_proxy_says_the_client_used_https()
    {
        var login = $"proxy.{Guid.NewGuid():N}"[..16] + "@example.vn";
        var client = From(Proxy, "203.0.113.30", forwardedProto: "https");
        (await client.PostAsJsonAsync("/api/v1/citizen/account/register", new { fullName = "Người Dùng", login, password = "MatKhau@2025" })).IsSuccessStatusCode.ShouldBeTrue();
        var code = ((LoggingVerificationSender)_factory.Services.GetRequiredService<IVerificationSender>()).LastCode(login);
        (await client.PostAsJsonAsync("/api/v1/citizen/account/verify", new { login, code })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var signedIn = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = login, password = "MatKhau@2025" });

        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("iso.auth=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
        signedIn.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem();
    }

    [Test]
    public async Task Should_not_believe_a_forwarded_https_from_a_stranger()
    {
        var page = await From(Stranger, forwardedProto: "https").GetAsync("/dang-nhap");
        page.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    /// <summary>The test server has no network peer: this sets the connection's remote address from a test-only header, before the app.</summary>
    private sealed class Peer : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate after) =>
            {
                if (http.Request.Headers[Header] is [{ } peer]) http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                return after(http);
            });
            next(app);
        };
    }
}
