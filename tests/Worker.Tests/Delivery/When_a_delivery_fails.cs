using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Tests.Notifications;

namespace Worker.Tests.Delivery;

/// <summary>The SMTP server is down: the delivery is retried with growing waits, then failed and shown to admins.</summary>
public sealed class When_a_delivery_fails : NotificationsTest
{
    private readonly int _closedPort = LoopbackPorts.Free();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = _closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Delivery:MaxAttempts"] = "3",
        ["Delivery:FirstRetryDelay"] = "00:01:00",
    };

    private DeliveryDispatcher Dispatcher => Services.GetRequiredService<DeliveryDispatcher>();

    private Task<DeliveryRecord> DeliveryAsync() => With<NotificationsDbAccess, DeliveryRecord>(async a => (await a.DeliveriesAsync()).Single());

    [SetUp]
    public Task Queue() => With<QueueCitizenNotice, bool>(async q =>
    {
        await q.HandleAsync(When_a_citizen_is_emailed.Received(), CancellationToken.None);
        return true;
    });

    [Test]
    public async Task Should_retry_after_one_then_two_minutes_and_then_give_up()
    {
        (await Dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(1);
        var first = await DeliveryAsync();
        first.Status.ShouldBe(DeliveryStatus.Retrying);
        first.Attempts.ShouldBe(1);
        first.LastError.ShouldNotBeNullOrWhiteSpace();
        first.NextAttemptAt.ShouldBe(Clock.GetUtcNow().AddMinutes(1));

        (await Dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(0, "not due yet");
        Clock.Advance(TimeSpan.FromMinutes(1));
        (await Dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(1);
        (await DeliveryAsync()).NextAttemptAt.ShouldBe(Clock.GetUtcNow().AddMinutes(2));

        Clock.Advance(TimeSpan.FromMinutes(2));
        (await Dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(1);
        var last = await DeliveryAsync();
        last.Status.ShouldBe(DeliveryStatus.Failed);
        last.Attempts.ShouldBe(3);
        Clock.Advance(TimeSpan.FromHours(1));
        (await Dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(0, "failed for good");
    }

    [Test]
    public async Task Should_show_failed_and_retrying_deliveries_to_admins_and_let_them_retry()
    {
        await Dispatcher.DeliverDueAsync(CancellationToken.None);
        var problems = await With<DeliveryLogQuery, IReadOnlyList<DeliveryView>>(q => q.ProblemsAsync());
        var problem = problems.ShouldHaveSingleItem();
        (problem.Status, problem.Channel, problem.Recipient, problem.Attempts).ShouldBe(("Retrying", "email", "huong@example.vn", 1));

        (await With<RetryDeliveryHandler, Procedures.Common.DomainResult<bool>>(h => h.HandleAsync(problem.Id))).Succeeded.ShouldBeTrue();
        (await Dispatcher.DeliverDueAsync(CancellationToken.None)).ShouldBe(1, "due again at once");
        (await With<RetryDeliveryHandler, Procedures.Common.DomainResult<bool>>(h => h.HandleAsync(Guid.NewGuid()))).Error!.Code.ShouldBe("not-found");
    }
}
