using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Worker.Channels;

namespace Worker.Tests.Delivery;

/// <summary>A stand-in SMS provider on loopback that fails a given number of times before it accepts.</summary>
public sealed class When_the_sms_gateway_is_flaky
{
    private WebApplication _provider = null!;
    private readonly List<(string? Authorization, string Body)> _requests = [];
    private int _failuresLeft;
    private HttpStatusCode _failure;

    [OneTimeSetUp]
    public async Task StartProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapPost("/sms", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            lock (_requests) _requests.Add((http.Request.Headers.Authorization.ToString(), body));
            if (Interlocked.Decrement(ref _failuresLeft) >= 0) return Results.StatusCode((int)_failure);
            return Results.Ok(new { id = "msg-42" });
        });
        await _provider.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopProvider() => await _provider.DisposeAsync();

    private HttpSmsGateway Gateway()
    {
        var url = _provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HttpSmsGateway(new HttpClient(), new SmsSettings { GatewayUrl = $"{url}/sms", ApiKey = "secret", FirstRetryDelay = TimeSpan.FromMilliseconds(20) });
    }

    [SetUp]
    public void Reset() { lock (_requests) _requests.Clear(); }

    [Test]
    public async Task Should_retry_server_errors_with_backoff_until_the_provider_accepts()
    {
        (_failuresLeft, _failure) = (2, HttpStatusCode.ServiceUnavailable);
        (await Gateway().SendAsync("0912345678", "Ho so 000.01.31.H29-260303-0007 da duoc tiep nhan.", CancellationToken.None)).ShouldContain("msg-42");
        _requests.Count.ShouldBe(3);
        _requests.ShouldAllBe(r => r.Authorization == "Bearer secret" && r.Body.Contains("0912345678"));
    }

    [Test]
    public async Task Should_not_retry_a_request_the_provider_rejects()
    {
        (_failuresLeft, _failure) = (1, HttpStatusCode.BadRequest);
        var error = await Should.ThrowAsync<HttpRequestException>(() => Gateway().SendAsync("bad", "x", CancellationToken.None));
        error.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _requests.Count.ShouldBe(1);
    }
}
