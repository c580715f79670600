using System.Collections.Concurrent;
using System.Net;
using Tests.Shared;

namespace Engine.Tests.Crashes;

/// <summary>
/// Another agency's registry on a loopback port: it counts every call by idempotency key and registers each key once,
/// as a real idempotent service would. The first call can be held unanswered, to kill the caller in the middle of it.
/// </summary>
public sealed class FakeRegistry : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeRegistry()
    {
        Url = $"http://127.0.0.1:{LoopbackPorts.Free()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }
    public ConcurrentQueue<string> Calls { get; } = new();
    public ConcurrentDictionary<string, string> Registered { get; } = new();
    /// <summary>While set, the first call is left unanswered.</summary>
    public bool HoldFirstCall { get; set; }
    public Task FirstCall => _firstCall.Task;

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var key = context.Request.Headers["Idempotency-Key"] ?? "";
            Calls.Enqueue(key);
            if (Calls.Count == 1 && HoldFirstCall)
            {
                _firstCall.TrySetResult();
                continue; // never answered: the caller dies waiting
            }
            var number = Registered.GetOrAdd(key, _ => $"R-{Registered.Count + 1}");
            var body = System.Text.Encoding.UTF8.GetBytes(number);
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
