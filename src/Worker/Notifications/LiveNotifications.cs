using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace Worker.Notifications;

/// <summary>
/// Listeners inside this process for a person's new notifications: the server-rendered pages (the bell of the web UI)
/// hear what the SignalR hub sends to browsers, without a client connection of their own. A listener that throws is
/// logged and does not stop the others.
/// </summary>
public sealed class LiveNotifications(ILogger<LiveNotifications> logger)
{
    private readonly ConcurrentDictionary<string, ImmutableList<Func<NotificationCreated, Task>>> _listeners = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string recipient, Func<NotificationCreated, Task> listener)
    {
        _listeners.AddOrUpdate(recipient, _ => [listener], (_, list) => list.Add(listener));
        return new Subscription(() => _listeners.AddOrUpdate(recipient, _ => [], (_, list) => list.Remove(listener)));
    }

    public int ListenerCount(string recipient) => _listeners.TryGetValue(recipient, out var list) ? list.Count : 0;

    public async Task PublishAsync(NotificationCreated notification)
    {
        if (!_listeners.TryGetValue(notification.Recipient, out var listeners)) return;
        foreach (var listener in listeners)
        {
            try { await listener(notification); }
            catch (Exception e) { logger.LogWarning(e, "A live notification listener failed for notification {NotificationId}", notification.NotificationId); }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;
        public void Dispose() { if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose(); }
    }
}
