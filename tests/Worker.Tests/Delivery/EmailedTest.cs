using Tests.Shared;
using Worker.Tests.Notifications;

namespace Worker.Tests.Delivery;

/// <summary>
/// A notifications test whose email goes to a real SMTP server on loopback, sent as the commune's one-stop shop; the sink
/// lives as long as the fixture and is emptied before each test.
/// </summary>
public abstract class EmailedTest : NotificationsTest
{
    protected SmtpSink Sink { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSink() => Sink = await SmtpSink.StartAsync();

    [OneTimeTearDown]
    public async Task StopSink() => await Sink.DisposeAsync();

    [SetUp]
    public void ClearSink() => Sink.Clear();

    protected override IDictionary<string, string?> Settings => Sink.EmailSettings("motcua@tanphu.gov.vn", "Bộ phận một cửa xã Tân Phú");
}
