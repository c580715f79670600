using System.Text.Json.Nodes;
using Engine.Runtime;

namespace Engine.Tests.Runtime;

/// <summary>
/// A transition writes only what it changed of the instance's variables (nothing, or the names it set, merged by the
/// database), and reads a step's <c>unit</c> or <c>assignee</c> out of the stored text: the stored object and the result
/// must be what merging the whole object in memory gave.
/// </summary>
public sealed class When_a_transition_sets_some_variables : EngineTest
{
    private TransitionResult _started = null!;

    [SetUp]
    public async Task Start()
    {
        await PublishAsync(SampleDefinitions.Approval);
        _started = await StartAsync("approval", new { applicant = "Nguyễn \"A\"", unit = "ubnd-q1", file = new { pages = 3, tags = new[] { "x" } } });
    }

    [Test]
    public async Task Should_keep_every_stored_variable_when_the_action_sets_none()
    {
        var accepted = await CompleteAsync(_started.OpenedWorkItems[0].Id, "accept", "clerk-1");

        Same(await StoredAsync(), Expected());
        Same(accepted.Variables, Expected());
    }

    [Test]
    public async Task Should_merge_the_form_fields_and_the_applications_facts_with_the_stored_variables()
    {
        var accepted = await CompleteAsync(_started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var assigned = await Runtime.CompleteAsync(new CompleteWorkItem(accepted.OpenedWorkItems[0].Id, "assign", "leader-1",
            Data: new JsonObject { ["specialist"] = "spec-7" }, Variables: new JsonObject { ["unit"] = "ubnd-q2", ["fee"] = 50_000 }));

        assigned.Error.ShouldBeNull();
        var expected = Expected();
        expected["unit"] = "ubnd-q2";
        expected["specialist"] = "spec-7";
        expected["fee"] = 50_000;
        Same(await StoredAsync(), expected);
        Same(assigned.Value!.Variables, expected);
        assigned.Value.OpenedWorkItems[0].Assignee.ShouldBe("spec-7");
    }

    [Test]
    public async Task Should_read_a_steps_assignee_out_of_the_stored_variables()
    {
        var accepted = await CompleteAsync(_started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var assigned = await CompleteAsync(accepted.OpenedWorkItems[0].Id, "assign", "leader-1", data: new { specialist = "spec-7" });
        var submitted = await CompleteAsync(assigned.OpenedWorkItems[0].Id, "submit", "spec-7");

        var sentBack = await CompleteAsync(submitted.OpenedWorkItems[0].Id, "send-back", "head-1", comment: "Thiếu bản sao");

        sentBack.OpenedWorkItems[0].Assignee.ShouldBe("spec-7");
        (await CountAsync("SELECT count(*) FROM engine.work_items WHERE step_id = 'process' AND assignee = 'spec-7'")).ShouldBe(2);
    }

    [Test]
    public async Task Should_read_a_flag_the_move_set_or_found_stored_as_the_whole_object_says()
    {
        var accepted = await CompleteAsync(_started.OpenedWorkItems[0].Id, "accept", "clerk-1");
        var assigned = await Runtime.CompleteAsync(new CompleteWorkItem(accepted.OpenedWorkItems[0].Id, "assign", "leader-1",
            Data: new JsonObject { ["specialist"] = "spec-7" }, Variables: new JsonObject { ["notified"] = true, ["counted"] = "true" }));
        var submitted = await CompleteAsync(assigned.Value!.OpenedWorkItems[0].Id, "submit", "spec-7");

        // Set by this move, then stored: true only for the JSON value true, and the same once the whole object is built.
        foreach (var result in new[] { assigned.Value!, submitted })
        {
            result.Flag("notified").ShouldBeTrue();
            result.Flag("counted").ShouldBeFalse();
            result.Flag("missing").ShouldBeFalse();
            result.Flag("file").ShouldBeFalse();
            result.Variables["notified"]!.GetValue<bool>().ShouldBeTrue();
            result.Flag("notified").ShouldBeTrue();
        }
    }

    private static void Same(JsonNode actual, JsonNode expected) =>
        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"{actual.ToJsonString()} is not {expected.ToJsonString()}");

    private static JsonObject Expected() => new()
    {
        ["applicant"] = "Nguyễn \"A\"", ["unit"] = "ubnd-q1", ["file"] = new JsonObject { ["pages"] = 3, ["tags"] = new JsonArray("x") },
    };

    /// <summary>The stored variables, compared as JSON values (PostgreSQL orders the keys its own way).</summary>
    private async Task<JsonObject> StoredAsync()
    {
        await using var cmd = DataSource.CreateCommand($"SELECT variables::text FROM engine.instances WHERE id = '{_started.InstanceId}'");
        return JsonNode.Parse((string)(await cmd.ExecuteScalarAsync())!)!.AsObject();
    }
}
