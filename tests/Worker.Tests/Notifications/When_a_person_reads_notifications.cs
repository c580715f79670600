using Worker.Notifications;

namespace Worker.Tests.Notifications;

public sealed class When_a_person_reads_notifications : NotificationsTest
{
    private readonly List<Guid> _mine = [];

    [SetUp]
    public async Task ThreeForMeOneForSomeoneElse()
    {
        await using var conn = await DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var items = Enumerable.Range(0, 3).Select(i => Item("cv.an", $"Việc {i}", i)).Append(Item("cv.hoa", "Việc khác", 0)).ToList();
        await InboxWriter.WriteAsync(conn, tx, items, CancellationToken.None);
        await tx.CommitAsync();
        _mine.Clear();
        _mine.AddRange(items.Take(3).Select(i => i.Id));
    }

    private InboxItem Item(string recipient, string title, int minutes) => new()
    {
        Id = Guid.CreateVersion7(), Recipient = recipient, Kind = "sla.due-soon", Title = title, Body = "…", CreatedAt = Tuesday9.AddMinutes(minutes).ToUniversalTime(),
    };

    [Test]
    public async Task Should_count_unread_and_list_newest_first()
    {
        (await With<InboxQueries, int>(q => q.UnreadCountAsync("cv.an"))).ShouldBe(3);
        var page = await With<InboxQueries, InboxPage>(q => q.ListAsync("cv.an", take: 2));
        page.Unread.ShouldBe(3);
        page.Items.Select(i => i.Title).ShouldBe(["Việc 2", "Việc 1"]);
    }

    [Test]
    public async Task Should_mark_some_then_all_read_leaving_other_peoples_alone()
    {
        (await With<MarkReadHandler, int>(h => h.HandleAsync("cv.an", new MarkRead([_mine[0]])))).ShouldBe(2);
        (await With<InboxQueries, InboxPage>(q => q.ListAsync("cv.an", unreadOnly: true))).Items.Count.ShouldBe(2);
        (await With<MarkReadHandler, int>(h => h.HandleAsync("cv.hoa", new MarkRead([_mine[1]])))).ShouldBe(1, "someone else's id changes nothing");
        (await With<MarkReadHandler, int>(h => h.HandleAsync("cv.an", new MarkRead()))).ShouldBe(0);
        (await With<InboxQueries, int>(q => q.UnreadCountAsync("cv.hoa"))).ShouldBe(1);
    }
}
