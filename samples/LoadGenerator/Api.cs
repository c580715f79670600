using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace LoadGenerator;

/// <summary>The calls the scenarios make, each client signed in with a bearer token of a demo account.</summary>
public sealed class Api(Uri baseUrl, int connections)
{
    public const string Password = "IsoDemo@2025";
    private readonly SocketsHttpHandler _handler = new() { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };

    public HttpClient Anonymous() => new(_handler, disposeHandler: false) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{(int)response.StatusCode}: {text}", null, response.StatusCode);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static bool Succeeded(HttpResponseMessage response) => response.StatusCode is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices;
}
