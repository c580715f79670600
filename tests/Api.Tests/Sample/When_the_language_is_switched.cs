using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Sample;

/// <summary>The language switch goes back to the page it came from, and only ever to a page of this site.</summary>
public sealed class When_the_language_is_switched
{
    private SampleApi _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await SampleApi.InstanceAsync();

    [TestCase("/%09/evil.example")]
    [TestCase("/%0d%0a/evil.example")]
    [TestCase("//evil.example")]
    [TestCase("/%5Cevil.example")]
    [TestCase("https://evil.example/")]
    [TestCase("%00")]
    public async Task Should_go_home_instead_of_to_another_site(string target)
    {
        var client = _api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/ui/ngon-ngu/en?r={target}");
        // A control character is refused before the page sees it; anything else that is not a local path leads home.
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.BadRequest) (await response.Json()).GetProperty("field").GetString().ShouldBe("r");
        else response.Headers.Location!.ToString().ShouldBe("/");
    }

    [Test]
    public async Task Should_go_back_to_a_local_page()
    {
        var client = _api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/ui/ngon-ngu/en?r=%2Fho-so%3Fpage%3D2");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/ho-so?page=2");
    }
}
