using Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Api.Tests;

public sealed class When_deciding_where_the_worker_runs
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Test]
    public void Should_run_it_in_process_without_rabbitmq() =>
        WorkerMode.RunInProcess(Config()).ShouldBeTrue();

    [Test]
    public void Should_leave_it_to_worker_processes_with_rabbitmq() =>
        WorkerMode.RunInProcess(Config(("RabbitMq:Host", "rabbitmq"))).ShouldBeFalse();

    [Test]
    public void Should_follow_an_explicit_setting() =>
        WorkerMode.RunInProcess(Config(("RabbitMq:Host", "rabbitmq"), ("Hosting:RunWorkerInProcess", "true"))).ShouldBeTrue();
}
