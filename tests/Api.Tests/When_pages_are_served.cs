using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Tests.Shared;

namespace Api.Tests;

public sealed partial class When_pages_are_served
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start() => _factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_pages"));

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    // Not localhost: browsers (and the headers middleware) ignore HSTS there.
    private HttpClient Client(string scheme = "http") =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"{scheme}://iso.example.vn"), AllowAutoRedirect = false });

    [Test]
    public async Task Should_allow_only_the_sites_own_scripts_on_html_pages()
    {
        var page = await Client().GetAsync("/dang-nhap");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var policy = page.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        Directive(policy, "script-src").ShouldBe("'self'");
        Directive(policy, "object-src").ShouldBe("'none'");
        Directive(policy, "frame-ancestors").ShouldBe("'none'");
        Directive(policy, "base-uri").ShouldBe("'self'");
        Directive(policy, "form-action").ShouldBe("'self'");
        page.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        page.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }

    [Test]
    public async Task Should_keep_api_answers_unframed_uncached_and_without_any_source()
    {
        var answer = await Client().GetAsync("/api/v1/catalogue/procedures");
        answer.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe("default-src 'none'; frame-ancestors 'none'");
        answer.Headers.CacheControl!.NoStore.ShouldBeTrue();
        answer.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Test]
    public async Task Should_keep_the_api_reference_unframed_and_without_plugins()
    {
        var policy = (await Client().GetAsync("/scalar")).Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        Directive(policy, "frame-ancestors").ShouldBe("'none'");
        Directive(policy, "object-src").ShouldBe("'none'");
    }

    [Test]
    public async Task Should_show_the_version_at_the_foot_of_every_page()
    {
        var page = await (await Client().GetAsync("/dang-nhap")).Content.ReadAsStringAsync();
        var footer = Regex.Match(page, "data-testid=\"app-version\">([^<]*)<").Groups[1].Value;
        WebUtility.HtmlDecode(footer).ShouldBe($"Phiên bản {Worker.Hosting.ProductVersion.Current}", page);
    }

    [Test]
    public async Task Should_ask_for_https_only_on_https_requests()
    {
        (await Client("https").GetAsync("/dang-nhap")).Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldStartWith("max-age=31536000");
        (await Client().GetAsync("/dang-nhap")).Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Test]
    public async Task Should_refuse_to_sign_out_without_the_antiforgery_token()
    {
        var client = Client();
        (await client.PostAsync("/ui/dang-xuat", new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync("/ui/dang-xuat", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var token = await TokenAsync(client);
        var signedOut = await client.PostAsync("/ui/dang-xuat", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Test]
    public async Task Should_switch_the_language_only_by_a_form_with_the_antiforgery_token()
    {
        var client = Client();
        (await client.GetAsync("/ui/ngon-ngu/en?r=/")).Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await client.PostAsync("/ui/ngon-ngu/en", new FormUrlEncodedContent([new("r", "/")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var token = await TokenAsync(client);
        var switched = await client.PostAsync("/ui/ngon-ngu/en", new FormUrlEncodedContent([new("r", "/dang-nhap"), new("__RequestVerificationToken", token)]));
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/dang-nhap");
        switched.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
    }

    /// <summary>The token of the sign-in form; the client keeps the antiforgery cookie that goes with it.</summary>
    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/dang-nhap");
        var token = TokenField().Match(html).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    private static string? Directive(string policy, string name) => policy.Split(';', StringSplitOptions.TrimEntries)
        .FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
