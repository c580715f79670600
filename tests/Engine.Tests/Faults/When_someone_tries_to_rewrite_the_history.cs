using Npgsql;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by reading the engine: the history (the ISO process-control record, Form 05) was append-only by convention only.
/// The database now refuses to change or delete a row, whoever connects, even with the schema owner's rights.
/// </summary>
public sealed class When_someone_tries_to_rewrite_the_history : EngineTest
{
    [TestCase("UPDATE engine.history SET actor = 'someone-else'")]
    [TestCase("UPDATE engine.history SET comment = 'đã sửa' WHERE kind = 'Started'")]
    [TestCase("DELETE FROM engine.history")]
    [TestCase("DELETE FROM engine.history WHERE kind = 'ActionTaken'")]
    public async Task Should_refuse_the_change_and_keep_every_row(string sql)
    {
        await PublishAsync(SampleDefinitions.Approval);
        var started = await StartAsync("approval", new { applicant = "A" });
        await CompleteAsync(started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var before = await CountAsync("SELECT count(*) FROM engine.history");

        await using var cmd = DataSource.CreateCommand(sql);
        var refused = await Should.ThrowAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());

        refused.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        refused.MessageText.ShouldContain("append-only");
        (await CountAsync("SELECT count(*) FROM engine.history")).ShouldBe(before);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE actor = 'someone-else' OR comment = 'đã sửa'")).ShouldBe(0);
    }

    [Test]
    public async Task Should_still_append()
    {
        await PublishAsync(SampleDefinitions.Approval);
        await StartAsync("approval", new { applicant = "A" });
        (await CountAsync("SELECT count(*) FROM engine.history")).ShouldBeGreaterThan(0);
    }
}
