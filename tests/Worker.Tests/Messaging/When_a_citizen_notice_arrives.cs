using Worker.Channels;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Notifications;
using Worker.Tests.Delivery;
using Worker.Tests.Notifications;

namespace Worker.Tests.Messaging;

public sealed class When_a_citizen_notice_arrives : NotificationsTest
{
    private static readonly Guid Account = Guid.CreateVersion7();

    private Task HandleAsync(CitizenNotice notice) =>
        With<QueueCitizenNotice, bool>(async q => { await q.HandleAsync(notice, CancellationToken.None); return true; });

    private Task<List<DeliveryRecord>> DeliveriesAsync() => With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync());

    [Test]
    public async Task Should_queue_one_message_per_channel_the_citizen_can_be_reached_on()
    {
        await HandleAsync(When_a_citizen_is_emailed.Received(phone: "0912345678", account: Account));
        var log = await DeliveriesAsync();
        log.Select(d => (d.Channel, d.Recipient, d.Status)).ShouldBe([
            (MessageChannel.Email, "huong@example.vn", DeliveryStatus.Queued),
            (MessageChannel.InApp, Recipients.Citizen(Account), DeliveryStatus.Sent),
            (MessageChannel.Sms, "0912345678", DeliveryStatus.Queued),
        ]);
        log.Single(d => d.Channel == MessageChannel.Sms).Body.ShouldBe(
            "Ho so 000.01.31.H29-260303-0007 da duoc tiep nhan. Hen tra ket qua ngay 06/03/2026. Tra cuu: https://dichvucong.example.vn/tra-cuu/000.01.31.H29-260303-0007");
        var inbox = (await With<NotificationsDbAccess, List<InboxItem>>(a => a.InboxAsync())).ShouldHaveSingleItem();
        inbox.Title.ShouldBe("Đã tiếp nhận hồ sơ 000.01.31.H29-260303-0007");
    }

    [Test]
    public async Task Should_queue_nothing_twice_when_the_same_notice_comes_again_or_concurrently()
    {
        var notice = When_a_citizen_is_emailed.Received(phone: "0912345678", account: Account);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => HandleAsync(notice))));
        await HandleAsync(notice);
        (await DeliveriesAsync()).Count.ShouldBe(3);
        (await Scalar<long>("SELECT count(*) FROM notifications.inbox")).ShouldBe(1);
    }

    [Test]
    public async Task Should_respect_the_citizens_channels_and_language()
    {
        (await With<SaveCitizenPreferencesHandler, Procedures.Common.DomainResult<SaveCitizenPreferences>>(h =>
            h.HandleAsync(Account, new SaveCitizenPreferences(Email: true, Sms: false, InApp: false, Locale: "en")))).Succeeded.ShouldBeTrue();
        await HandleAsync(When_a_citizen_is_emailed.Received(phone: "0912345678", account: Account));
        var sent = (await DeliveriesAsync()).ShouldHaveSingleItem();
        (sent.Channel, sent.Locale, sent.Subject).ShouldBe((MessageChannel.Email, "en", "Application 000.01.31.H29-260303-0007 received"));
    }
}
