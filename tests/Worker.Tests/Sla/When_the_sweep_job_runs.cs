using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>The recurring job as Hangfire resolves it: the dossier rules no official triggers, then the alerts.</summary>
public sealed class When_the_sweep_job_runs : SlaTest
{
    [Test]
    public async Task Should_run_the_dossier_rules_and_then_alert_as_the_sweep_alone_does()
    {
        await OpenWorkItemAsync();
        Clock.Set(At(2026, 3, 5, 9, 30));

        await With<SlaSweepJob, bool>(async job => { await job.SweepAsync(CancellationToken.None); return true; });

        (await InboxAsync()).ShouldContain("tp.binh sla.overdue");
    }
}
