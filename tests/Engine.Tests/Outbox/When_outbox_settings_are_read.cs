using Engine.Outbox;

namespace Engine.Tests.Outbox;

public sealed class When_outbox_settings_are_read
{
    [Test]
    public void Should_default_to_ten_attempts_from_two_seconds_up_to_ten_minutes_apart()
    {
        var o = new OutboxOptions();
        (o.MaxAttempts, o.BaseDelay, o.MaxDelay, o.Lease).ShouldBe((10, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(30)));
        (o.SentRetention, o.ProcessedRetention, o.PurgeInterval, o.PurgeBatchSize).ShouldBe((TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromHours(1), 1000));
        new OutboxOptionsValidator().Validate(null, o).Succeeded.ShouldBeTrue();
    }

    [Test]
    public void Should_double_the_delay_after_each_failure_with_at_most_a_fifth_less_and_stop_at_the_cap()
    {
        var o = new OutboxOptions();
        o.RetryDelay(1, random: 0).ShouldBe(TimeSpan.FromSeconds(2));
        o.RetryDelay(1, random: 1).ShouldBe(TimeSpan.FromSeconds(1.6));
        o.RetryDelay(9, random: 0).ShouldBe(TimeSpan.FromSeconds(512));
        o.RetryDelay(10, random: 0).ShouldBe(TimeSpan.FromMinutes(10));
        o.RetryDelay(1000, random: 0.5).ShouldBe(TimeSpan.FromMinutes(9));
        Enumerable.Range(1, 8).Select(n => (Low: o.RetryDelay(n + 1, 1), High: o.RetryDelay(n, 0))).ShouldAllBe(d => d.Low > d.High);
    }

    [Test]
    public void Should_refuse_a_processed_message_retention_not_longer_than_the_outbox_retention()
    {
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions { SentRetention = TimeSpan.FromDays(14), ProcessedRetention = TimeSpan.FromDays(14) });
        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("ProcessedRetention must be longer than SentRetention");
        new OutboxOptionsValidator().Validate(null, new OutboxOptions { MaxAttempts = 0, BatchSize = 0 }).Failures!.Count().ShouldBe(2);
    }
}
