using Microsoft.Extensions.Logging.Abstractions;
using Worker.Notifications;

namespace Worker.Tests.Notifications;

/// <summary>The in-process listeners behind the web UI's bell: each hears only its person's notifications, until it leaves.</summary>
public sealed class When_a_page_listens_for_notifications
{
    private static NotificationCreated For(string recipient, string title = "Quá hạn: Thẩm định") =>
        new(Guid.CreateVersion7(), recipient, "sla.overdue", title, "…", null, null, DateTimeOffset.UtcNow);

    [Test]
    public async Task Should_hear_only_its_own_persons_notifications()
    {
        var live = new LiveNotifications(NullLogger<LiveNotifications>.Instance);
        var heard = new List<string>();
        using var an = live.Subscribe("cv.an", n => { heard.Add("an:" + n.Title); return Task.CompletedTask; });
        using var hoa = live.Subscribe("cv.hoa", n => { heard.Add("hoa:" + n.Title); return Task.CompletedTask; });

        await live.PublishAsync(For("cv.an", "Một"));
        await live.PublishAsync(For("tp.binh", "Hai"));
        await live.PublishAsync(For("cv.hoa", "Ba"));

        heard.ShouldBe(["an:Một", "hoa:Ba"]);
    }

    [Test]
    public async Task Should_stop_hearing_once_the_page_is_closed_and_keep_the_other_tabs()
    {
        var live = new LiveNotifications(NullLogger<LiveNotifications>.Instance);
        var (first, second) = (0, 0);
        var tab1 = live.Subscribe("cv.an", _ => { first++; return Task.CompletedTask; });
        using var tab2 = live.Subscribe("cv.an", _ => { second++; return Task.CompletedTask; });

        await live.PublishAsync(For("cv.an"));
        tab1.Dispose();
        tab1.Dispose();
        await live.PublishAsync(For("cv.an"));

        (first, second, live.ListenerCount("cv.an")).ShouldBe((1, 2, 1));
    }

    [Test]
    public async Task Should_reach_the_other_listeners_when_one_fails()
    {
        var live = new LiveNotifications(NullLogger<LiveNotifications>.Instance);
        var reached = false;
        using var broken = live.Subscribe("cv.an", _ => throw new InvalidOperationException("circuit gone"));
        using var working = live.Subscribe("cv.an", _ => { reached = true; return Task.CompletedTask; });

        await live.PublishAsync(For("cv.an"));

        reached.ShouldBeTrue();
    }
}
