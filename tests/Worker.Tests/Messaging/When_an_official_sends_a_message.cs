using System.Text.Json;
using Engine.Runtime;
using Procedures.Common;
using Worker.Channels;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Notifications;
using Worker.Tests.Notifications;

namespace Worker.Tests.Messaging;

public sealed class When_an_official_sends_a_message : NotificationsTest
{
    private Guid _dossier;

    [SetUp]
    public async Task Dossier()
    {
        var province = await Province.SeedAsync(Services);
        _dossier = (await province.AddDossierAsync(Services, "000.01.31.H29-260303-0009", province.SectionA, Tuesday9, Tuesday9.AddDays(3))).Id;
    }

    private Task<DomainResult<Guid>> SendAsync(string kind, string? specialist, string body) =>
        With<SendOfficialMessageHandler, DomainResult<Guid>>(h => h.HandleAsync("tp.binh", "Trần Thị Bình", new SendOfficialMessage(_dossier, kind, specialist, body)));

    [Test]
    public async Task Should_notify_the_specialist_in_app_and_keep_the_message_in_the_dossier_history()
    {
        (await SendAsync("specialist", "cv.an", "Đề nghị xác minh lại hộ khẩu.")).Succeeded.ShouldBeTrue();
        var item = (await With<NotificationsDbAccess, List<InboxItem>>(a => a.InboxAsync())).ShouldHaveSingleItem();
        (item.Recipient, item.Kind, item.Body, item.DossierId).ShouldBe(("cv.an", "official-message", "Đề nghị xác minh lại hộ khẩu.", _dossier));
        var history = await With<OfficialMessagesQuery, IReadOnlyList<OfficialMessageView>>(q => q.ForDossierAsync(_dossier));
        (history.ShouldHaveSingleItem().Sender, history[0].Recipient).ShouldBe(("tp.binh", "cv.an"));
    }

    [Test]
    public async Task Should_reach_the_citizen_through_the_outbox_and_their_channels()
    {
        var id = (await SendAsync("citizen", null, "Đề nghị ông/bà mang bản chính đến đối chiếu.")).Value;
        var payload = await Scalar<string>("SELECT payload::text FROM engine.outbox WHERE id = $1 AND type = $2", id, CitizenNotice.OutboxType);
        var notice = JsonSerializer.Deserialize<CitizenNotice>(payload, JsonDefaults.Options)!;
        await With<QueueCitizenNotice, bool>(async q => { await q.HandleAsync(notice, CancellationToken.None); return true; });
        var log = await With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync());
        log.Select(d => d.Channel).ShouldBe([MessageChannel.Email, MessageChannel.Sms]);
        log[0].Body.ShouldContain("Đề nghị ông/bà mang bản chính đến đối chiếu.");
        log[0].Body.ShouldContain("Trần Thị Bình");
        (await With<OfficialMessagesQuery, IReadOnlyList<OfficialMessageView>>(q => q.ForDossierAsync(_dossier))).Single().Recipient.ShouldBe("Nguyễn Thị Hương");
    }

    [Test]
    public async Task Should_refuse_an_empty_message_or_an_unknown_dossier()
    {
        (await SendAsync("citizen", null, " ")).Error!.Field.ShouldBe("body");
        (await SendAsync("specialist", null, "x")).Error!.Field.ShouldBe("specialistUserName");
        (await With<SendOfficialMessageHandler, DomainResult<Guid>>(h => h.HandleAsync("tp.binh", "B", new SendOfficialMessage(Guid.NewGuid(), "citizen", null, "x"))))
            .Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }
}
