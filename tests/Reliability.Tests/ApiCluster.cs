using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Reliability.Tests;

/// <summary>What the clients met: each failure the client could retry, and what it did about it.</summary>
public sealed class ClientCounts
{
    public int Requests, ConnectionErrors, Timeouts, ServerErrors, Unauthorized, Throttled, Retries, FoundDoneAfterLostAnswer, ReceptionsFoundBySearch;
    public override string ToString() =>
        $"requests {Requests}, retries {Retries} (connection errors {ConnectionErrors}, timeouts {Timeouts}, 5xx {ServerErrors}, 401 {Unauthorized}, 429 {Throttled}), " +
        $"steps found done after a lost answer {FoundDoneAfterLostAnswer}, receptions found by search after a lost answer {ReceptionsFoundBySearch}";
}

/// <summary>
/// The two API processes behind a client-side round robin, as a load balancer without health checks would spread them: a
/// request that meets a connection error, a timeout, a 5xx or a 429 is sent again to the next process. Each demo account
/// signs in once and again after a 401.
/// </summary>
public sealed class ApiCluster(IReadOnlyList<HostProcess> apis, string password) : IDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(4);
    private readonly SocketsHttpHandler _handler = new() { MaxConnectionsPerServer = 32, PooledConnectionLifetime = TimeSpan.FromSeconds(20), ConnectTimeout = TimeSpan.FromSeconds(5) };
    private readonly Dictionary<string, Task<string>> _tokens = [];
    private int _next;

    public ClientCounts Counts { get; } = new();

    /// <summary>One attempt on one process: its answer, or null for a failure worth retrying (counted).</summary>
    public async Task<HttpResponseMessage?> TryOnceAsync(string user, Func<HttpRequestMessage> request)
    {
        var api = apis[(int)((uint)Interlocked.Increment(ref _next) % apis.Count)];
        using var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri(api.Url), Timeout = TimeSpan.FromSeconds(30) };
        Interlocked.Increment(ref Counts.Requests);
        try
        {
            var message = request();
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(user));
            var response = await client.SendAsync(message);
            if ((int)response.StatusCode >= 500) { Interlocked.Increment(ref Counts.ServerErrors); return null; }
            if (response.StatusCode == HttpStatusCode.TooManyRequests) { Interlocked.Increment(ref Counts.Throttled); return null; }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                Interlocked.Increment(ref Counts.Unauthorized);
                lock (_tokens) _tokens.Remove(user);
                return null;
            }
            return response;
        }
        catch (HttpRequestException) { Interlocked.Increment(ref Counts.ConnectionErrors); return null; }
        catch (TaskCanceledException) { Interlocked.Increment(ref Counts.Timeouts); return null; }
    }

    /// <summary>Sends until an answer that is not a retryable failure comes back; for reads and other idempotent calls.</summary>
    public async Task<HttpResponseMessage> SendAsync(string user, Func<HttpRequestMessage> request)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        for (var attempt = 0; ; attempt++)
        {
            if (await TryOnceAsync(user, request) is { } response) return response;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{request().RequestUri} as {user}: no answer within {GiveUpAfter}");
            Interlocked.Increment(ref Counts.Retries);
            await Backoff(attempt);
        }
    }

    public static Task Backoff(int attempt) => Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (1 << Math.Min(attempt, 5))) + Random.Shared.Next(100)));

    public static Func<HttpRequestMessage> Post(string path, object body) => () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    public static Func<HttpRequestMessage> Get(string path) => () => new HttpRequestMessage(HttpMethod.Get, path);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<string> TokenAsync(string user)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(user, out var token) || token.IsFaulted || token.IsCanceled) _tokens[user] = token = SignInAsync(user);
            return token;
        }
    }

    private async Task<string> SignInAsync(string user)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        for (var attempt = 0; ; attempt++)
        {
            var api = apis[(int)((uint)Interlocked.Increment(ref _next) % apis.Count)];
            using var client = new HttpClient(_handler, disposeHandler: false) { BaseAddress = new Uri(api.Url), Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { grantType = "password", userName = user, password });
                if (response.IsSuccessStatusCode)
                    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                    throw new InvalidOperationException($"Sign-in of {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Sign-in of {user}: no answer within {GiveUpAfter}");
            await Backoff(attempt);
        }
    }

    public void Dispose() => _handler.Dispose();
}
