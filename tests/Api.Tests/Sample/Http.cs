using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Api.Tests.Sample;

/// <summary>Small HTTP helpers: JSON with an optional If-Match, and reading problems.</summary>
public static class Http
{
    public static async Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object? body = null, string? ifMatch = null) =>
        client.Send(HttpMethod.Post, url, body ?? new { }, ifMatch);

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The body as JSON after asserting the status, showing the body when it is not the expected one.</summary>
    public static async Task<JsonElement> Expect(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string? ETag(this HttpResponseMessage response) => response.Headers.ETag?.ToString();
}
