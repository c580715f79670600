using Engine.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Faults;

/// <summary>
/// Found by trying the engine: a timer that could not fire was marked Failed, counted as fired, and nothing was written to
/// the history; the instance stayed Running for ever and nobody could see why. Now it is an incident on the instance.
/// </summary>
public sealed class When_a_timer_cannot_fire : EngineTest
{
    protected override void Configure(IServiceCollection services) =>
        services.Configure<TimerOptions>(o => (o.MaxAttempts, o.BaseDelay) = (2, TimeSpan.FromMinutes(1)));

    [Test]
    public async Task Should_not_count_it_as_fired_and_open_an_incident_shown_in_the_history()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        var started = await StartAsync("waiting");
        // The path the timer belongs to is gone (as after a bad repair): the timer no longer matches its instance.
        await using (var cmd = DataSource.CreateCommand($"UPDATE engine.instances SET tokens = '[]' WHERE id = '{started.InstanceId}'"))
            await cmd.ExecuteNonQueryAsync();
        Clock.Advance(TimeSpan.FromDays(3));

        (await Runtime.FireDueTimersAsync()).ShouldBe(0);
        (await CountAsync("SELECT count(*) FROM engine.incidents WHERE status = 'Retrying'")).ShouldBe(1);
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);

        (await CountAsync("SELECT count(*) FROM engine.timers WHERE status = 'Failed' AND attempts = 2 AND last_error LIKE '%no longer matches%'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.incidents WHERE status = 'Open' AND error LIKE '%no longer matches%'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'IncidentOpened' AND from_step = 'wait'")).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'TimerFired'")).ShouldBe(0);
    }

    [Test]
    public async Task Should_resolve_its_incident_itself_when_a_later_attempt_succeeds()
    {
        await PublishAsync(SampleDefinitions.Waiting);
        var started = await StartAsync("waiting");
        string tokens;
        await using (var read = DataSource.CreateCommand($"SELECT tokens::text FROM engine.instances WHERE id = '{started.InstanceId}'"))
            tokens = (string)(await read.ExecuteScalarAsync())!;
        await using (var cmd = DataSource.CreateCommand($"UPDATE engine.instances SET tokens = '[]' WHERE id = '{started.InstanceId}'"))
            await cmd.ExecuteNonQueryAsync();
        Clock.Advance(TimeSpan.FromDays(3));
        (await Runtime.FireDueTimersAsync()).ShouldBe(0);

        await using (var cmd = DataSource.CreateCommand($"UPDATE engine.instances SET tokens = '{tokens}'::jsonb WHERE id = '{started.InstanceId}'"))
            await cmd.ExecuteNonQueryAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        (await Runtime.FireDueTimersAsync()).ShouldBe(1);
        (await CountAsync("SELECT count(*) FROM engine.incidents WHERE status = 'Resolved' AND resolution LIKE 'Recovered%'")).ShouldBe(1);
    }
}
