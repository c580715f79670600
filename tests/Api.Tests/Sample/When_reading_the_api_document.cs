using System.Net;

namespace Api.Tests.Sample;

public sealed class When_reading_the_api_document
{
    [Test]
    public async Task Should_describe_every_group_with_security_and_examples()
    {
        var api = await SampleApi.InstanceAsync();
        var document = await (await api.Anonymous().GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/dossiers", "/api/v1/dossiers/{id}/assignment", "/api/v1/inbox/mine", "/api/v1/public/tracking",
                     "/api/v1/citizen/dossiers", "/api/v1/admin/definitions/drafts", "/api/v1/admin/calendar/overrides", "/api/v1/auth/token" })
            paths.TryGetProperty(path, out _).ShouldBeTrue(path);
        document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/dossiers/{id}/assignment").GetProperty("post").TryGetProperty("security", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/public/tracking").GetProperty("post").TryGetProperty("security", out _).ShouldBeFalse();
        document.GetProperty("components").GetProperty("schemas").GetProperty("ReceiveAtCounterRequest").TryGetProperty("examples", out _).ShouldBeTrue();
    }
}
