using System.Text.Json;
using Engine.Runtime;
using Engine.VersionMigration;

namespace Engine.Tests.Migration;

public sealed class When_instances_are_inside_a_split : MigrationTest
{
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["consult"] = "consultation", ["consulted"] = "opinions-in", ["land-opinion"] = "land-review",
    };

    /// <summary>The same two branches under new ids: the split, its join and the land office's step are renamed.</summary>
    private static string RenameSplit(string yaml) => yaml
        .Replace("id: consult\n", "id: consultation\n").Replace("to: consult\n", "to: consultation\n")
        .Replace("consulted", "opinions-in").Replace("land-opinion", "land-review").Replace("role: land-officer", "role: land-registry");

    [Test]
    public async Task Should_move_an_arrived_branch_and_a_working_one_and_then_join_on_the_new_version()
    {
        await PublishBothAsync(RenameSplit);
        var split = await InSplitAsync(taxReplied: true);
        var land = split.OpenedWorkItems.Single(w => w.StepId == "land-opinion");

        var report = await MigrateAsync(Request(Renamed));

        report.Moved.ShouldBe(1);
        var tokens = JsonSerializer.Deserialize<List<Token>>(await ScalarAsync($"SELECT tokens FROM engine.instances WHERE id = '{split.InstanceId}'"),
            JsonDefaults.Options)!;
        tokens.Select(t => $"{t.StepId} {t.State} {t.Scope!.SplitStepId}/{t.Scope.Branch} {t.Scope.JoinStepId}").ShouldBe(
            ["opinions-in AtJoin consultation/tax opinions-in", "land-review Waiting consultation/land opinions-in"], ignoreOrder: true);
        report.Instances.Single().Changes.Count(c => c.Kind == MigrationChangeKind.BranchScope).ShouldBe(2);
        (await ScalarAsync($"SELECT step_id || ' ' || role FROM engine.work_items WHERE id = '{land.Id}'")).ShouldBe("land-review land-registry");

        var joined = await CompleteAsync(land.Id, "reply", "land-1");

        joined.OpenedWorkItems.Single().StepId.ShouldBe("review");
        (await CountAsync($"SELECT count(*) FROM engine.history WHERE instance_id = '{split.InstanceId}' AND kind = 'Joined' AND from_step = 'opinions-in'")).ShouldBe(1);
    }

    [Test]
    public async Task Should_refuse_a_branch_path_mapped_outside_its_branch()
    {
        await PublishBothAsync(v1 => v1);
        var split = await InSplitAsync(taxReplied: true);
        var before = await EverythingAsync();

        var result = await Migration.MigrateAsync(Request(new Dictionary<string, string> { ["land-opinion"] = "review" }));

        result.Error!.Message.ShouldBe("steps[land-opinion]: 'land-opinion' is inside branch 'land' of 'consult', but 'review' is not inside branch 'land' " +
            $"of 'consult' in version 2: the branch would never reach its join. (instance {split.InstanceId})");
        (await EverythingAsync()).ShouldBe(before);
    }

    [Test]
    public async Task Should_refuse_a_split_that_gained_a_branch_the_instance_never_started()
    {
        const string land = "      - name: land\n        start: land-opinion\n        budget: 3d\n";
        await PublishBothAsync(v1 => v1.Replace(land, land + """
                  - name: fire
                    start: fire-opinion
              - id: fire-opinion
                kind: human
                role: fire-officer
                budget: 2d
                actions:
                  - name: reply
                    to: consulted

            """));
        var split = await InSplitAsync(taxReplied: false);

        var plan = await PlanAsync(Request());

        plan.Problems.ShouldBe([new MigrationProblem("steps[consult].branches", "Split 'consult' of version 2 has branch 'fire', which this instance " +
            "never started: its join would never complete.", split.InstanceId)]);
    }

    [Test]
    public async Task Should_refuse_a_running_branch_the_new_split_does_not_have_and_branches_waiting_at_another_join()
    {
        await PublishBothAsync(v1 => v1.Replace("name: land", "name: land-office"));
        var split = await InSplitAsync(taxReplied: true);

        var plan = await PlanAsync(Request(new Dictionary<string, string> { ["consulted"] = "cool-off" }));

        plan.Problems.Select(p => p.Path).ShouldBe([
            "mapping.consulted", "steps[consulted]", "steps[consult].branches[land]", "steps[consulted]", "steps[consult].branches"], ignoreOrder: true);
        plan.Problems.ShouldContain(new MigrationProblem("steps[consulted]", "Branch 'tax' waits at join 'consulted', which maps to 'cool-off', but split " +
            "'consult' of version 2 joins at 'consulted': the join would never complete.", split.InstanceId));
    }
}
