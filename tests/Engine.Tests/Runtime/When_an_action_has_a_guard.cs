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
    public async Task Should_not_let_data_outside_the_form_change_what_the_guard_reads()
    {
        var started = await StartAsync("guarded", new { fee = 50 });
        var result = await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "waive-fee", "clerk-1",
            Data: new() { ["fee"] = 500 }));
        result.Error!.Code.ShouldBe(EngineErrorCode.InvalidData);
        result.Error.Field.ShouldBe("fee");
        (await CountAsync("SELECT count(*) FROM engine.instances WHERE variables ->> 'fee' = '50'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_refuse_it_when_the_variable_is_missing()
    {
        var started = await StartAsync("guarded");
        (await Runtime.CompleteAsync(new CompleteWorkItem(started.OpenedWorkItems[0].Id, "waive-fee", "clerk-1"))).Error!.Code
            .ShouldBe(EngineErrorCode.ActionNotAllowed);
    }
}
