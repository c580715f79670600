using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Polly;
using Polly.Retry;

namespace Worker.Channels;

/// <summary>
/// A provider reached over HTTP: <c>POST {GatewayUrl}</c> with <c>{"to","text","sender"}</c> and a bearer key.
/// Transient failures (network errors, 408, 429, 5xx) are retried with exponential backoff and jitter (Polly);
/// a 4xx answer is final, since sending the same request again would fail the same way.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, SmsSettings settings) : ISmsGateway
{
    private readonly ResiliencePipeline<HttpResponseMessage> _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(0, settings.Retries),
            Delay = settings.FirstRetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>()
                .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
        })
        .AddTimeout(settings.Timeout)
        .Build();

    public async Task<string> SendAsync(string phone, string text, CancellationToken ct)
    {
        using var response = await _retry.ExecuteAsync(async token =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
            {
                Content = JsonContent.Create(new { to = phone, text, sender = settings.Sender }),
            };
            if (!string.IsNullOrEmpty(settings.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
            return await http.SendAsync(request, token);
        }, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode}: {answer}", null, response.StatusCode);
        return answer.Length > 500 ? answer[..500] : answer;
    }
}
