using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Tests.Runtime;

/// <summary>
/// The work item is read in the statement that locks its instance; an operation that waited for that lock must see the
/// work item as the previous holder left it, not as it was when the operation began to wait. A claim changes the work
/// item and not the instance row, so only a work item read after the wait sees it.
/// </summary>
public sealed class When_an_official_waits_for_another_on_the_same_work_item : EngineTest
{
    [Test]
    public async Task Should_see_the_claim_made_while_waiting_and_refuse_a_second_claim()
    {
        var item = await StartedItemAsync();
        await using var first = await DataSource.OpenConnectionAsync();
        await using var firstTx = await first.BeginTransactionAsync();
        (await Runtime.ClaimAsync(item, "clerk-1", firstTx)).Succeeded.ShouldBeTrue();

        var second = OtherOfficialAsync(runtime => runtime.ClaimAsync(item, "clerk-2"));
        await WaitUntilBlockedAsync();
        await firstTx.CommitAsync();

        var refused = await second;
        refused.Error.ShouldNotBeNull();
        refused.Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        refused.Error.Message.ShouldContain("clerk-1");
        (await CountAsync($"SELECT count(*) FROM engine.work_items WHERE id = '{item}' AND claimed_by = 'clerk-1'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_see_the_completion_made_while_waiting_and_refuse_to_complete_again()
    {
        var item = await StartedItemAsync();
        await using var first = await DataSource.OpenConnectionAsync();
        await using var firstTx = await first.BeginTransactionAsync();
        (await Runtime.CompleteAsync(new CompleteWorkItem(item, "accept", "clerk-1"), firstTx)).Succeeded.ShouldBeTrue();

        var second = OtherOfficialAsync(runtime => runtime.CompleteAsync(new CompleteWorkItem(item, "accept", "clerk-2")));
        await WaitUntilBlockedAsync();
        await firstTx.CommitAsync();

        var refused = await second;
        refused.Error!.Code.ShouldBe(EngineErrorCode.Conflict);
        refused.Error.Message.ShouldContain("already completed");
        (await CountAsync("SELECT count(*) FROM engine.history WHERE kind = 'ActionTaken'")).ShouldBe(1);
    }

    private async Task<Guid> StartedItemAsync()
    {
        await PublishAsync(SampleDefinitions.Approval);
        return (await StartAsync("approval", new { applicant = "A" })).OpenedWorkItems[0].Id;
    }

    private Task<EngineResult<T>> OtherOfficialAsync<T>(Func<WorkflowRuntime, Task<EngineResult<T>>> act) => Task.Run(async () =>
    {
        await using var scope = NewScope();
        return await act(scope.ServiceProvider.GetRequiredService<WorkflowRuntime>());
    });

    /// <summary>Until another session of the test database waits for a row lock.</summary>
    private async Task WaitUntilBlockedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The second official never waited for the lock.");
            await Task.Delay(20);
        }
    }
}
