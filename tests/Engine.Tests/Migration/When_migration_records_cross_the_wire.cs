using System.Text.Json;
using Engine.Runtime;
using Engine.VersionMigration;

namespace Engine.Tests.Migration;

/// <summary>The request, plan and report are what an HTTP endpoint takes and returns: camelCase JSON, enums as text.</summary>
public sealed class When_migration_records_cross_the_wire : MigrationTest
{
    [Test]
    public async Task Should_read_a_request_and_write_the_plan_and_the_report_as_json()
    {
        await PublishBothAsync(v1 => v1.Replace("role: clerk", "role: receiving-officer"));
        var started = await AtReceiveAsync();
        var request = JsonSerializer.Deserialize<MigrationRequest>($$"""
            {"definitionId":"permit","fromVersion":1,"toVersion":2,"stepMapping":{"receive":"receive"},"instanceIds":["{{started.InstanceId}}"],
             "actor":"admin","reason":"{{Reason}}"}
            """, JsonDefaults.Options)!;

        var plan = JsonSerializer.Serialize(await PlanAsync(request), JsonDefaults.Options);
        var report = JsonSerializer.Serialize(await MigrateAsync(request), JsonDefaults.Options);

        plan.ShouldContain("\"stepMapping\":{\"receive\":\"receive\",");
        plan.ShouldContain($"{{\"instanceId\":\"{started.InstanceId}\",\"businessKey\":\"BK-1\",\"status\":\"Running\",\"changes\":[{{\"kind\":\"WorkItemRole\",");
        report.ShouldContain("\"moved\":1,\"refused\":0,\"unchanged\":0,");
        report.ShouldContain("\"outcome\":\"Moved\"");
        var back = JsonSerializer.Deserialize<MigrationReport>(report, JsonDefaults.Options)!;
        back.Instances.Single().Changes[0].ShouldBe(new MigrationChange(MigrationChangeKind.WorkItemRole, started.OpenedWorkItems[0].Id, "clerk", "receiving-officer"));
    }
}
