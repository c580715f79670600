using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Worker.Tests.Sla;

public sealed class When_the_work_is_assigned : SlaTest
{
    [Test]
    public async Task Should_alert_the_person_holding_it_rather_than_everyone_with_the_role()
    {
        var item = await OpenWorkItemAsync();
        await using (var scope = Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<WorkflowRuntime>().ClaimAsync(item, "cv.hoa")).Error.ShouldBeNull();
        Clock.Set(At(2026, 3, 5, 7, 0));
        await SweepAsync();
        (await InboxAsync()).ShouldBe(["cv.hoa sla.due-today"]);
    }
}
