using System.Net;
using Engine.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Tests.Shared;

namespace Api.Tests;

public sealed class When_the_api_runs_without_the_worker
{
    [Test]
    public async Task Should_serve_without_running_the_outbox_dispatcher()
    {
        await using var factory = new ApiFactory(await TestPostgres.CreateDatabaseAsync("api_no_worker"),
            new Dictionary<string, string> { ["Hosting:RunWorkerInProcess"] = "false" });
        using var client = factory.CreateClient();

        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Services.GetService<IOutboxPublisher>().ShouldBeNull();
    }
}
