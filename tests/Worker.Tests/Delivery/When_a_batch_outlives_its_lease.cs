using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Worker.Channels;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Tests.Notifications;

namespace Worker.Tests.Delivery;

/// <summary>
/// A dispatcher claims a batch and sends it four at a time. When the mail server is slow, the last rows of the batch would
/// be sent after their lease ran out, when another dispatcher may already have claimed and sent them: the same e-mail twice.
/// </summary>
public sealed class When_a_batch_outlives_its_lease : NotificationsTest
{
    private readonly SlowSender _sender = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Delivery:Lease"] = "00:00:01", ["Delivery:BatchSize"] = "12" };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IEmailSender>(_sender);

    [Test]
    public async Task Should_give_back_what_it_can_no_longer_send_in_time_and_send_each_once()
    {
        for (var i = 0; i < 12; i++)
            await With<QueueCitizenNotice, bool>(async q => { await q.HandleAsync(When_a_citizen_is_emailed.Received(), CancellationToken.None); return true; });
        var dispatcher = Services.GetRequiredService<DeliveryDispatcher>();

        (await dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(12);
        var firstRound = _sender.Sent.Count;
        firstRound.ShouldBeLessThan(12, "the rows left when half the lease was over are not sent");
        var waiting = (await With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync())).Where(d => d.Status == DeliveryStatus.Queued).ToList();
        waiting.Count.ShouldBe(12 - firstRound);
        waiting.ShouldAllBe(d => d.Attempts == 0 && d.LeaseUntil == null, "given back: free at once, the attempt undone");

        while (await dispatcher.DeliverDueAsync(CancellationToken.None) > 0) { }
        _sender.Sent.Count.ShouldBe(12);
        _sender.Sent.Distinct().Count().ShouldBe(12, "each e-mail once");
    }

    private sealed class SlowSender : IEmailSender
    {
        public ConcurrentBag<Guid?> Sent { get; } = [];

        public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
        {
            await Task.Delay(300, ct);
            Sent.Add(message.DeliveryId);
            return "250 OK";
        }
    }
}
