using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tests.Shared;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Templates;
using Worker.Tests.Notifications;

namespace Worker.Tests.Delivery;

/// <summary>From the notice to a real SMTP server: recipients, subject and a Vietnamese body with its diacritics.</summary>
public sealed class When_a_citizen_is_emailed : EmailedTest
{
    public static CitizenNotice Received(Guid? id = null, string? email = "huong@example.vn", string? phone = null, Guid? account = null) =>
        new(id ?? Guid.CreateVersion7(), TemplateEvents.DossierReceived, Guid.CreateVersion7(), "000.01.31.H29-260303-0007", account, email, phone,
            new Dictionary<string, string>
            {
                ["ProcedureName"] = "Đăng ký khai sinh", ["UnitName"] = "Ủy ban nhân dân xã Tân Phú", ["ReceivedDate"] = "03/03/2026",
                ["AppointmentDate"] = "06/03/2026", ["TrackingLink"] = "https://dichvucong.example.vn/tra-cuu/000.01.31.H29-260303-0007",
            }, "Nguyễn Thị Hương");

    private async Task SendAsync(CitizenNotice notice)
    {
        await With<QueueCitizenNotice, bool>(async q => { await q.HandleAsync(notice, CancellationToken.None); return true; });
        (await Services.GetRequiredService<DeliveryDispatcher>().DeliverDueAsync(CancellationToken.None)).ShouldBe(1);
    }

    [Test]
    public async Task Should_deliver_to_the_citizen_with_a_Vietnamese_subject_and_body_intact()
    {
        await SendAsync(Received());
        var mail = (await Sink.WaitForAsync(1)).Single();
        mail.To.Mailboxes.Select(m => m.Address).ShouldBe(["huong@example.vn"]);
        mail.To.Mailboxes.Single().Name.ShouldBe("Nguyễn Thị Hương");
        mail.From.Mailboxes.Single().Address.ShouldBe("motcua@tanphu.gov.vn");
        mail.From.Mailboxes.Single().Name.ShouldBe("Bộ phận một cửa xã Tân Phú");
        mail.Subject.ShouldBe("Đã tiếp nhận hồ sơ 000.01.31.H29-260303-0007");
        var body = mail.TextBody ?? "";
        body.ShouldContain("Kính gửi Nguyễn Thị Hương,");
        body.ShouldContain("Ủy ban nhân dân xã Tân Phú đã tiếp nhận hồ sơ Đăng ký khai sinh của Ông/Bà ngày 03/03/2026.");
        body.ShouldContain("Ngày hẹn trả kết quả: 06/03/2026");
        mail.Body.ShouldBeOfType<TextPart>().ContentType.Charset.ShouldBe("utf-8");
    }

    [Test]
    public async Task Should_record_the_delivery_as_sent_with_the_servers_answer_and_the_template_version()
    {
        await SendAsync(Received());
        await Sink.WaitForAsync(1);
        var log = await With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync());
        var sent = log.ShouldHaveSingleItem();
        sent.Status.ShouldBe(DeliveryStatus.Sent);
        sent.Attempts.ShouldBe(1);
        sent.ProviderAnswer.ShouldNotBeNullOrWhiteSpace();
        sent.TemplateVersion.ShouldBe(1);
        sent.SentAt.ShouldNotBeNull();
    }

    [Test]
    public async Task Should_carry_the_delivery_id_as_message_id_so_a_copy_sent_again_after_a_crash_can_be_recognised()
    {
        await SendAsync(Received());
        var mail = (await Sink.WaitForAsync(1)).Single();
        var sent = (await With<NotificationsDbAccess, List<DeliveryRecord>>(a => a.DeliveriesAsync())).ShouldHaveSingleItem();
        mail.MessageId.ShouldBe($"{sent.Id:N}@tanphu.gov.vn");
    }
}
