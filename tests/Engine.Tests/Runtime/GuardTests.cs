using Engine.Runtime;

namespace Engine.Tests.Runtime;

public sealed class When_an_action_has_a_guard : EngineTest
{
    [SetUp]
    public Task Publish() => PublishAsync(SampleDefinitions.Guarded);

    [Test]
    public async Task Should_allow_it_when_the_guard_holds_on_the_variables()
    {
        var started = await StartAsync("guarded", new { fee = 150 });
        (await CompleteAsync(started.OpenedWorkItems[0].Id, "waive-fee", "clerk-1")).Outcome.ShouldBe("approved");
    }

    [Test]
    public async Task Should_refuse_it_when_the_guard_does_not_hold()
    {
        var started = await StartAsync("guarded", new { fee = 50 });
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "waive-fee", "clerk-1"));
        result.Error!.Code.ShouldBe(EngineErrorCode.ActionNotAllowed);
        result.Error.Message.ShouldContain("fee > 100");
    }

    [Test]
    public async Task Should_evaluate_the_guard_with_the_data_submitted_with_the_action()
    {
        var started = await StartAsync("guarded", new { fee = 50 });
        (await CompleteAsync(started.OpenedWorkItems[0].Id, "waive-fee", "clerk-1", data: new { fee = 500 })).Outcome.ShouldBe("approved");
    }

    [Test]
    public async Task Should_refuse_it_when_the_variable_is_missing()
    {
        var started = await StartAsync("guarded");
        (await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "waive-fee", "clerk-1"))).Error!.Code
            .ShouldBe(EngineErrorCode.ActionNotAllowed);
    }
}
