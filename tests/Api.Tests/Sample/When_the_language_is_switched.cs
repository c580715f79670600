using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Sample;

/// <summary>
/// The language switch (a form post with the antiforgery token) goes back to the page it came from, and only ever to a page
/// of this site.
/// </summary>
public sealed partial class When_the_language_is_switched
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    /// <summary>Posts the switch as the page's form does: the token of a page, with the antiforgery cookie the client keeps.</summary>
    private async Task<HttpResponseMessage> SwitchAsync(string back)
    {
        var client = _api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = TokenField().Match(await client.GetStringAsync("/dang-nhap")).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return await client.PostAsync("/ui/ngon-ngu/en", new FormUrlEncodedContent([new("r", back), new("__RequestVerificationToken", token)]));
    }

    [TestCase("/\t/evil.example")]
    [TestCase("/\r\n/evil.example")]
    [TestCase("//evil.example")]
    [TestCase("/\\evil.example")]
    [TestCase("https://evil.example/")]
    [TestCase("\0")]
    public async Task Should_go_home_instead_of_to_another_site(string target)
    {
        var response = await SwitchAsync(target);
        // A control character is refused before the page sees it; anything else that is not a local path leads home.
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.BadRequest) (await response.Json()).GetProperty("field").GetString().ShouldBe("r");
        else response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Test]
    public async Task Should_go_back_to_a_local_page()
    {
        var response = await SwitchAsync("/ho-so?page=2");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/ho-so?page=2");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
