using System.Text.Json.Nodes;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Dossiers;
using Worker.Sla;

namespace Worker.Tests.Sla;

/// <summary>
/// While a dossier waits for the citizen's supplement the office's clock is stopped: the waiting step and the dossier's
/// old appointment raise no alert for anyone, however long the workflow's budget for the step; the citizen is reminded
/// of their own deadline instead, once.
/// </summary>
public sealed class When_a_dossier_waits_for_the_citizen : SlaTest
{
    private const string Waiting = """
        id: sla-supplement
        version: 1
        title: Chờ bổ sung
        inputs:
          - name: unit
            required: true
        steps:
          - id: await-supplement
            kind: human
            title: Chờ công dân bổ sung hồ sơ
            role: specialist
            unit: $unit
            budget: 2d
            actions:
              - name: supplement-received
                to: finished
          - id: finished
            kind: end
            outcome: approved
        """;

    private async Task<Dossier> WaitingDossierAsync(string code, DateTimeOffset supplementDueAt)
    {
        await PublishAsync(Waiting);
        await using var scope = Services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().StartAsync(
            new StartInstance("sla-supplement", new JsonObject { ["unit"] = Province.SectionA.Id.ToString() }, BusinessKey: code));
        started.Error.ShouldBeNull();
        var dossier = await Province.AddDossierAsync(Services, code, Province.SectionA, Tuesday9.AddDays(-7), Tuesday9.AddDays(1), DossierStatus.SupplementRequested);
        await ExecuteAsync("UPDATE procedures.dossiers SET workflow_instance_id = $2, supplement_due_at = $3, supplement_requested_at = $4, missing_items = $5 WHERE id = $1",
            dossier.Id, started.Value!.InstanceId, supplementDueAt, Tuesday9, new[] { "Sơ đồ vị trí" });
        return dossier;
    }

    private Task SweepJobAsync() => With<SlaSweepJob, bool>(async job => { await job.SweepAsync(CancellationToken.None); return true; });

    private Task<long> RemindersAsync() =>
        Scalar<long>("SELECT count(*) FROM engine.outbox WHERE type = $1", typeof(SupplementDueSoon).FullName!);

    [Test]
    public async Task Should_raise_no_alert_for_the_waiting_step_or_the_old_appointment_while_an_official_step_still_alerts()
    {
        Clock.Set(Tuesday9);
        await WaitingDossierAsync("000.01.31.H29-260303-0001", At(2026, 3, 20, 17, 0));
        await OpenWorkItemAsync("000.01.31.H29-260303-0002");

        Clock.Set(At(2026, 3, 9, 9, 30));
        await SweepJobAsync();

        var alerts = await InboxAsync();
        alerts.ShouldNotBeEmpty();
        (await Scalar<long>("""
            SELECT count(*) FROM notifications.sla_alerts a
            WHERE a.subject_id IN (SELECT id FROM engine.work_items WHERE step_id = 'await-supplement')
               OR a.subject_id IN (SELECT id FROM procedures.dossiers WHERE status = 'SupplementRequested')
            """)).ShouldBe(0);
        (await Scalar<long>("SELECT count(*) FROM notifications.sla_alerts a JOIN engine.work_items w ON w.id = a.subject_id WHERE w.step_id = 'appraise'"))
            .ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task Should_remind_the_citizen_once_when_the_deadline_is_two_working_days_away()
    {
        Clock.Set(Tuesday9);
        var dossier = await WaitingDossierAsync("000.01.31.H29-260303-0001", At(2026, 3, 13, 17, 0));

        Clock.Set(At(2026, 3, 10, 17, 0));
        await SweepJobAsync();
        (await RemindersAsync()).ShouldBe(0);

        Clock.Set(At(2026, 3, 11, 17, 30));
        await Task.WhenAll(SweepJobAsync(), SweepJobAsync());
        (await RemindersAsync()).ShouldBe(1);
        (await Scalar<long>("SELECT count(*) FROM procedures.dossier_events WHERE dossier_id = $1 AND kind = $2", dossier.Id, RemindUnsuppliedDossiers.Kind))
            .ShouldBe(1);

        Clock.Set(At(2026, 3, 12, 9, 0));
        await SweepJobAsync();
        (await RemindersAsync()).ShouldBe(1);
    }
}
