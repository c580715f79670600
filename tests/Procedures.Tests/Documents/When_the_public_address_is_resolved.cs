using Microsoft.Extensions.Configuration;
using Procedures.Documents;

namespace Procedures.Tests.Documents;

/// <summary>
/// Where the receipt's QR code and the messages' links point: the configured public address, else the address the
/// official's browser used, else (messages sent in the background) the address the app listens on — never a fixed 127.0.0.1:5080.
/// </summary>
public sealed class When_the_public_address_is_resolved
{
    private static DocumentSettings From(params (string Key, string Value)[] settings) =>
        DocumentSettings.From(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static readonly Uri Request = new("http://10.0.0.5:8080/");

    [Test]
    public void Should_use_the_configured_public_address_for_requests_and_messages_alike()
    {
        var settings = From(("PublicBaseUrl", "https://dichvucong.tuyenquang.gov.vn"));

        settings.TrackingPage(Request).ShouldBe(new Uri("https://dichvucong.tuyenquang.gov.vn/tra-cuu"));
        settings.TrackingBaseUrl.ShouldBe(new Uri("https://dichvucong.tuyenquang.gov.vn/tra-cuu"));
        From(("PublicBaseUrl", "https://cong.example.vn/iso/")).TrackingPage(null).ShouldBe(new Uri("https://cong.example.vn/iso/tra-cuu"));
    }

    [Test]
    public void Should_keep_an_explicit_tracking_page_first()
    {
        var settings = From(("PublicBaseUrl", "https://a.example.vn"), ("Documents:TrackingBaseUrl", "https://b.example.vn/tra-cuu-ho-so"));

        settings.TrackingPage(Request).ShouldBe(new Uri("https://b.example.vn/tra-cuu-ho-so"));
    }

    [Test]
    public void Should_default_to_the_address_the_request_came_to()
    {
        var settings = From();

        settings.AddressConfigured.ShouldBeFalse();
        settings.TrackingPage(Request).ShouldBe(new Uri("http://10.0.0.5:8080/tra-cuu"));
        settings.TrackingPage(new Uri("https://portal.example.vn/iso")).ShouldBe(new Uri("https://portal.example.vn/iso/tra-cuu"));
    }

    [Test]
    public void Should_fall_back_for_messages_to_the_address_the_app_listens_on()
    {
        From(("urls", "http://127.0.0.1:6123")).TrackingBaseUrl.ShouldBe(new Uri("http://127.0.0.1:6123/tra-cuu"));
        From(("urls", "http://0.0.0.0:8080;https://0.0.0.0:8443")).TrackingBaseUrl.ShouldBe(new Uri($"http://{System.Net.Dns.GetHostName()}:8080/tra-cuu"));
        From(("urls", "http://+:8080")).TrackingBaseUrl.Host.ShouldBe(System.Net.Dns.GetHostName().ToLowerInvariant());
        From().TrackingBaseUrl.ShouldBe(new Uri("http://127.0.0.1:5080/tra-cuu"));
    }

    [TestCase("dichvucong.example.vn")]
    [TestCase("ftp://dichvucong.example.vn")]
    public void Should_stop_the_start_on_an_address_that_is_not_an_absolute_http_url(string bad) =>
        Should.Throw<InvalidOperationException>(() => From(("PublicBaseUrl", bad))).Message.ShouldContain("PublicBaseUrl");
}
