using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;
using Worker.Delivery;
using Worker.Sla;
using Worker.Tests.Delivery;

namespace Worker.Tests.Sla;

/// <summary>One email each working morning per official with work to watch, through a real SMTP server.</summary>
public sealed class When_the_daily_digest_runs : SlaTest
{
    private SmtpSink _sink = null!;

    [OneTimeSetUp]
    public async Task StartSink() => _sink = await SmtpSink.StartAsync();

    [OneTimeTearDown]
    public async Task StopSink() => await _sink.DisposeAsync();

    [SetUp]
    public void ClearSink() => _sink.Clear();

    protected override IDictionary<string, string?> Settings => _sink.EmailSettings();

    private Task<int> DigestAsync() => With<DailyDigest, int>(d => d.RunAsync());

    [Test]
    public async Task Should_email_each_holder_of_the_role_a_Vietnamese_summary_once_a_day()
    {
        await OpenWorkItemAsync();
        Clock.Set(At(2026, 3, 5, 7, 0));
        (await DigestAsync()).ShouldBe(2);
        (await DigestAsync()).ShouldBe(0, "the same day again sends nothing");
        (await Services.GetRequiredService<DeliveryDispatcher>().DeliverDueAsync(CancellationToken.None)).ShouldBe(2);

        var mails = await _sink.WaitForAsync(2);
        mails.SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).Order().ShouldBe(["cv.an@tanphu.gov.vn", "cv.hoa@tanphu.gov.vn"]);
        var mail = mails.Single(m => m.To.Mailboxes.Single().Address == "cv.an@tanphu.gov.vn");
        mail.Subject.ShouldBe("Tổng hợp công việc ngày 05/03/2026: 0 quá hạn, 1 đến hạn hôm nay, 0 sắp đến hạn");
        (mail.TextBody ?? "").ShouldContain("Kính gửi Nguyễn Văn An,");
        (mail.TextBody ?? "").ShouldContain("- [Đến hạn hôm nay] Thẩm định hồ sơ (hồ sơ 000.01.31.H29-260303-0001), hạn 09:00 05/03/2026");
    }

    [Test]
    public async Task Should_send_nothing_on_a_day_off_or_when_nothing_is_due()
    {
        Clock.Set(At(2026, 3, 5, 7, 0));
        (await DigestAsync()).ShouldBe(0, "nothing open");
        await OpenWorkItemAsync();
        Clock.Set(At(2026, 3, 7, 7, 0));
        (await DigestAsync()).ShouldBe(0, "Saturday");
        Clock.Set(At(2026, 4, 30, 7, 0));
        (await DigestAsync()).ShouldBe(0, "30 April");
    }
}
