using System.Text.Json.Nodes;
using Engine.Outbox;
using Engine.Queries;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Outbox;

public sealed class When_an_operator_handles_parked_messages : OutboxTest
{
    private readonly Guid _instance = Guid.NewGuid();
    private Guid[] _ids = [];
    private Guid Parked => _ids[0];
    private Guid Pending => _ids[1];
    private Guid ParkedWithoutInstance => _ids[2];

    private AsyncServiceScope _scope;
    private ParkedMessages Messages => _scope.ServiceProvider.GetRequiredService<ParkedMessages>();

    [SetUp]
    public async Task WriteParkedRows()
    {
        _scope = NewScope();
        _ids = await WriteAsync(Note(_instance, 1), Note(_instance, 2), Note(null, 3));
        await using var park = DataSource.CreateCommand(
            "UPDATE engine.outbox SET attempts = 10, last_error = 'TimeoutException: no answer', parked_at = $2 WHERE id = ANY($1)");
        park.Parameters.Add(new() { Value = new[] { Parked, ParkedWithoutInstance } });
        park.Parameters.Add(new() { Value = Clock.GetUtcNow() });
        await park.ExecuteNonQueryAsync();
        await using var later = DataSource.CreateCommand("UPDATE engine.outbox SET parked_at = parked_at + interval '1 minute' WHERE id = $1");
        later.Parameters.Add(new() { Value = ParkedWithoutInstance });
        await later.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task Should_list_them_newest_first_with_what_the_operator_needs()
    {
        (await Messages.CountAsync()).ShouldBe(2);
        var page = await Messages.ListAsync(skip: 0, take: 1);
        page.ShouldHaveSingleItem().Id.ShouldBe(ParkedWithoutInstance);
        var older = (await Messages.ListAsync(skip: 1, take: 10)).ShouldHaveSingleItem();
        older.ShouldBe(older with { Id = Parked, InstanceId = _instance, Type = NoteType, Attempts = 10, LastError = "TimeoutException: no answer",
            CreatedAt = Clock.GetUtcNow(), ParkedAt = Clock.GetUtcNow(), Payload = """{"n": 1}""" });
        older.Sequence.ShouldBe(1);
    }

    [Test]
    public async Task Should_replay_one_as_pending_with_fresh_attempts_and_note_it_in_the_instance_history()
    {
        Clock.Advance(TimeSpan.FromHours(2));
        var replayed = await Messages.ReplayAsync(Parked, "admin-1", "Broker fixed");

        replayed.Value.ShouldBe(new ParkedMessageResolution(Parked, NoteType, _instance, ParkedMessages.Replayed, "admin-1", Clock.GetUtcNow()));
        (await CountAsync($"SELECT count(*) FROM engine.outbox WHERE id = '{Parked}' AND parked_at IS NULL AND attempts = 0 AND next_attempt_at = '{Clock.GetUtcNow():O}'"))
            .ShouldBe(1);
        var noted = (await History()).ShouldHaveSingleItem();
        (noted.Kind, noted.Actor, noted.Comment, noted.At).ShouldBe((ParkedMessages.Replayed, "admin-1", "Broker fixed", Clock.GetUtcNow()));
        var data = JsonNode.Parse(noted.Data!)!;
        (data["messageId"]!.GetValue<Guid>(), data["type"]!.GetValue<string>()).ShouldBe((Parked, NoteType));

        var publisher = new RecordingPublisher();
        await DrainAsync(Dispatcher(publisher));
        publisher.Published.ShouldBe(new[] { Parked, Pending });
        (await Messages.ReplayAsync(Parked, "admin-1", "again")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
    }

    [Test]
    public async Task Should_discard_one_so_it_is_never_published_and_kept_until_purged()
    {
        var discarded = await Messages.DiscardAsync(Parked, "admin-2", "Sent by hand");

        discarded.Value!.Resolution.ShouldBe(ParkedMessages.Discarded);
        (await CountAsync($"SELECT count(*) FROM engine.outbox WHERE id = '{Parked}' AND discarded_at IS NOT NULL AND discarded_by = 'admin-2'")).ShouldBe(1);
        (await History()).ShouldHaveSingleItem().Kind.ShouldBe(ParkedMessages.Discarded);
        (await Messages.CountAsync()).ShouldBe(1);
        var publisher = new RecordingPublisher();
        await DrainAsync(Dispatcher(publisher));
        publisher.Published.ToArray().ShouldBe(new[] { Pending }, "a discarded row no longer holds back its instance either");
        (await Messages.ReplayAsync(Parked, "admin-2", "changed my mind")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await Messages.DiscardAsync(Parked, "admin-2", "twice")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
    }

    [Test]
    public async Task Should_refuse_an_unknown_id_a_row_that_is_not_parked_and_an_action_without_a_reason()
    {
        (await Messages.ReplayAsync(Guid.NewGuid(), "admin-1", "why")).Error!.Code.ShouldBe(EngineErrorCode.NotFound);
        (await Messages.DiscardAsync(Guid.NewGuid(), "admin-1", "why")).Error!.Code.ShouldBe(EngineErrorCode.NotFound);
        var pending = await Messages.ReplayAsync(Pending, "admin-1", "why");
        pending.Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        pending.Error.Message.ShouldContain("waits to be sent");
        (await Messages.DiscardAsync(Pending, "admin-1", "why")).Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        (await Messages.DiscardAsync(Parked, "admin-1", " ")).Error!.Field.ShouldBe("reason");
        (await Messages.ReplayAsync(Parked, "", "why")).Error!.Field.ShouldBe("actor");
        (await History()).ShouldBeEmpty();
        (await Messages.CountAsync()).ShouldBe(2);
    }

    [Test]
    public async Task Should_write_no_history_for_a_message_of_no_instance()
    {
        (await Messages.ReplayAsync(ParkedWithoutInstance, "admin-1", "Broker fixed")).Succeeded.ShouldBeTrue();
        (await CountAsync("SELECT count(*) FROM engine.history")).ShouldBe(0);
    }

    [TearDown]
    public async Task DisposeScope() => await _scope.DisposeAsync();

    private Task<IReadOnlyList<HistoryEntry>> History() => _scope.ServiceProvider.GetRequiredService<InstanceQueries>().HistoryAsync(_instance);
}
