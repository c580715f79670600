using Engine.Runtime;

namespace Engine.Tests.Runtime;

public sealed class When_definitions_are_versioned : EngineTest
{
    private static string Approval(string title) => SampleDefinitions.Approval.Replace("title: Five-step approval", $"title: {title}");

    [Test]
    public async Task Should_start_new_instances_on_the_latest_and_keep_running_ones_on_theirs()
    {
        var v1 = await PublishAsync(Approval("First"));
        var old = await StartAsync("approval", new { applicant = "A" });
        var v2 = await PublishAsync(Approval("Second").Replace("budget: 4h\n    actions:\n      - name: accept", "budget: 2h\n    actions:\n      - name: accept"));

        v1.Version.ShouldBe(1);
        v2.Version.ShouldBe(2);
        var fresh = await StartAsync("approval", new { applicant = "B" });
        (await Db.Instances.FindAsync(old.InstanceId))!.DefinitionVersion.ShouldBe(1);
        (await Db.Instances.FindAsync(fresh.InstanceId))!.DefinitionVersion.ShouldBe(2);
        var pinned = await StartAsync("approval", new { applicant = "C" }, version: 1);
        (await Db.Instances.FindAsync(pinned.InstanceId))!.DefinitionVersion.ShouldBe(1);

        // The old instance still runs on v1's steps.
        var next = await CompleteAsync(old.OpenedWorkItems[0].Id, "accept", "clerk-1");
        next.OpenedWorkItems.Single().StepId.ShouldBe("assign");
        (await CountAsync("SELECT count(*) FROM engine.definitions WHERE definition_id = 'approval' AND is_latest")).ShouldBe(1);
    }

    [Test]
    public async Task Should_keep_a_published_version_immutable_and_draft_the_next()
    {
        var v1 = await PublishAsync(Approval("First"));
        var draft = await Store.SaveDraftAsync(Approval("Changed"), "admin");
        draft.Value!.Version.ShouldBe(2);
        draft.Value.IsPublished.ShouldBeFalse();
        var again = await Store.SaveDraftAsync(Approval("Changed again"), "admin");
        again.Value!.Version.ShouldBe(2);
        again.Value.RecordId.ShouldBe(draft.Value.RecordId);

        var stored = await Store.GetAsync("approval", 1);
        stored!.Title.ShouldBe("First");
        (await Store.GetAsync("approval"))!.Title.ShouldBe("First"); // latest published is still v1
        var started = await StartAsync("approval", new { applicant = "A" });
        (await Db.Instances.FindAsync(started.InstanceId))!.DefinitionRecordId.ShouldBe(v1.RecordId);
        (await CountAsync("SELECT count(*) FROM engine.definitions WHERE definition_id = 'approval' AND NOT is_published")).ShouldBe(1);
    }

    [Test]
    public async Task Should_discard_a_draft_without_touching_the_published_version()
    {
        await PublishAsync(Approval("First"));
        await Store.SaveDraftAsync(Approval("Draft"), "admin");
        (await Store.DiscardDraftAsync("approval")).Succeeded.ShouldBeTrue();
        (await Store.VersionsAsync("approval")).Select(v => v.Version).ShouldBe([1]);
        (await Store.DiscardDraftAsync("approval")).Error!.Code.ShouldBe(EngineErrorCode.NotFound);
    }

    [Test]
    public async Task Should_stop_new_starts_when_retired_but_let_running_instances_finish()
    {
        await PublishAsync(Approval("First"));
        var running = await StartAsync("approval", new { applicant = "A" });
        (await Store.RetireAsync("approval")).Succeeded.ShouldBeTrue();

        var refused = await Runtime.StartAsync(new StartInstance("approval", new() { ["applicant"] = "B" }));
        refused.Error!.Code.ShouldBe(EngineErrorCode.DefinitionUnavailable);
        refused.Error.Message.ShouldContain("retired");
        var pinned = await Runtime.StartAsync(new StartInstance("approval", new() { ["applicant"] = "B" }, Version: 1));
        pinned.Error!.Code.ShouldBe(EngineErrorCode.DefinitionUnavailable);

        (await CompleteAsync(running.OpenedWorkItems[0].Id, "accept", "clerk-1")).OpenedWorkItems.ShouldNotBeEmpty();

        await PublishAsync(Approval("Second"));
        (await Runtime.StartAsync(new StartInstance("approval", new() { ["applicant"] = "C" }))).Succeeded.ShouldBeTrue();
    }

    [Test]
    public async Task Should_refuse_to_start_an_unknown_or_unpublished_definition()
    {
        (await Runtime.StartAsync(new StartInstance("nope"))).Error!.Code.ShouldBe(EngineErrorCode.DefinitionUnavailable);
        await Store.SaveDraftAsync(SampleDefinitions.Approval, "admin");
        var draftOnly = await Runtime.StartAsync(new StartInstance("approval", new() { ["applicant"] = "A" }));
        draftOnly.Error!.Code.ShouldBe(EngineErrorCode.DefinitionUnavailable);
        draftOnly.Error.Field.ShouldBe("definitionId");
        await PublishAsync(SampleDefinitions.Approval.Replace("title: Five-step approval", "title: Five-step approval"));
        (await Runtime.StartAsync(new StartInstance("approval", new() { ["applicant"] = "A" }, Version: 7))).Error!.Message.ShouldContain("no published version 7");
    }
}
