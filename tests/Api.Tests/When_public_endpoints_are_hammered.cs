using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;

namespace Api.Tests;

public sealed class When_public_endpoints_are_hammered
{
    [Test]
    public async Task Should_rate_limit_tracking_code_guesses_per_address()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_rate"),
            new Dictionary<string, string> { ["RateLimits:tracking"] = "5", ["RateLimits:sign-in"] = "3" });
        using var client = factory.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            answers.Add((await client.PostAsJsonAsync("/api/v1/public/tracking", new { code = $"000.00.00.H29-261123-{i:0000}", secondFactor = "1234" })).StatusCode);
        answers.Take(5).ShouldAllBe(s => s == HttpStatusCode.NotFound);
        answers.Skip(5).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        var limited = await client.PostAsJsonAsync("/api/v1/public/tracking", new { code = "x", secondFactor = "1234" });
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        limited.Headers.RetryAfter.ShouldNotBeNull();

        for (var i = 0; i < 3; i++) await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "x", password = "y" });
        (await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "x", password = "y" })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task Should_limit_the_portal_pages_per_client_and_policy_like_the_api()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("ui_rate"),
            new Dictionary<string, string> { ["RateLimits:tracking"] = "4", ["RateLimits:sign-in"] = "2" });
        var limiter = factory.Services.GetRequiredService<Api.Ui.UiRateLimiter>();
        var tracking = Enumerable.Range(0, 6).Select(_ => limiter.TryAcquire(Api.Hosting.RateLimits.Tracking, "address:10.0.0.1")).ToList();
        tracking.ShouldBe([true, true, true, true, false, false]);
        // Another browser is not held up by the first one's guesses, and each policy counts on its own.
        limiter.TryAcquire(Api.Hosting.RateLimits.Tracking, "address:10.0.0.2").ShouldBeTrue();
        var signIn = Enumerable.Range(0, 3).Select(_ => limiter.TryAcquire(Api.Hosting.RateLimits.SignIn, "address:10.0.0.1")).ToList();
        signIn.ShouldBe([true, true, false]);
    }
}
