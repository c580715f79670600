using Api.Ui.Designer;
using Engine.Definitions;

namespace Api.Tests.Designer;

/// <summary>Edits on the designer's canvas, each becoming what the YAML would say, and the validator's problems placed on what they concern.</summary>
public sealed class When_an_iso_officer_draws_a_procedure
{
    [Test]
    public void Should_turn_routes_into_actions_branches_and_next()
    {
        var model = Drawn.FiveSteps();
        var saved = model.Save();

        saved.FindStep("receive")!.Actions.Single().To.ShouldBe("consult-1");
        saved.FindStep("consult-1")!.Branches.Select(b => b.Start).ShouldBe(["tax", "ward"]);
        saved.FindStep("consult-1")!.Join.ShouldBe("join-1");
        saved.FindStep("join-1")!.Next.ShouldBe("decide");
        DefinitionValidator.Validate(saved, DesignerLibrary.Product).ShouldBeEmpty();
    }

    [Test]
    public void Should_show_an_unconnected_step_as_unreachable_on_that_step_until_it_is_connected()
    {
        var model = Drawn.FiveSteps();
        var extra = DesignerEdits.Add(model, StepKind.Human, 500, 500);
        extra.Step.Role = "specialist";
        DesignerEdits.Connect(model, extra.Id, "decide").ShouldBeTrue();

        var check = DesignerCheck.Run(model, DesignerLibrary.Product, null);
        check.On(extra.Id).Select(p => p.Problem.Message).ShouldContain($"step '{extra.Id}' is unreachable from 'receive'");
        check.Problems.Where(p => p.StepId != extra.Id).ShouldBeEmpty();

        DesignerEdits.Connect(model, "decide", extra.Id).ShouldBeTrue();
        DesignerCheck.Run(model, DesignerLibrary.Product, null).Problems.ShouldBeEmpty();
    }

    [Test]
    public void Should_place_a_problem_of_a_route_on_that_route()
    {
        var model = Drawn.FiveSteps();
        model.Find("decide")!.Step.Actions[1].Guard = "recommendation ==";

        var check = DesignerCheck.Run(model, DesignerLibrary.Product, null);

        var problem = check.Problems.ShouldHaveSingleItem();
        problem.StepId.ShouldBe("decide");
        problem.EdgePath.ShouldBe("steps[5].actions[1]");
        check.OnEdge("steps[5].actions[1]").ShouldHaveSingleItem();
    }

    [Test]
    public void Should_compare_the_longest_path_with_the_catalogue_limit()
    {
        var model = Drawn.FiveSteps();

        var check = DesignerCheck.Run(model, DesignerLibrary.Product, Procedures.Calendar.LegalTimeLimit.WorkingDays(3));

        // receive 0.5d + slower branch (tax 2d) + decide 1d + hand-over 0.5d.
        check.LongestPath.ShouldBe(WorkingTime.Days(4));
        check.CatalogueLimit.ShouldBe(WorkingTime.Days(3));
        check.OverCatalogueLimit.ShouldBeTrue();
        check.LongestSteps.ShouldContain("tax");
    }

    [Test]
    public void Should_delete_a_step_with_the_routes_into_it()
    {
        var model = Drawn.FiveSteps();

        DesignerEdits.Delete(model, "ward");

        model.Find("ward").ShouldBeNull();
        model.Find("consult-1")!.Step.Branches.Select(b => b.Start).ShouldBe(["tax"]);
        model.Edges().ShouldNotContain(e => e.To == "ward" || e.From == "ward");
    }

    [Test]
    public void Should_follow_a_renamed_step_everywhere_it_is_named()
    {
        var model = Drawn.FiveSteps();

        DesignerEdits.Rename(model, "decide", "leader-decision").ShouldBeTrue();
        DesignerEdits.Rename(model, "tax", "receive").ShouldBeFalse();

        model.Find("join-1")!.Step.Next.ShouldBe("leader-decision");
        model.Save().Layout.ShouldContainKey("leader-decision");
        DefinitionValidator.Validate(model.Save(), DesignerLibrary.Product).ShouldBeEmpty();
    }

    [Test]
    public void Should_undo_and_redo_changes()
    {
        var model = Drawn.FiveSteps();
        var history = new DesignerHistory(model);
        model.Find("tax")!.X += 40;
        history.Record(model).ShouldBeTrue();
        history.Record(model).ShouldBeFalse();
        DesignerEdits.Delete(model, "ward");
        history.Record(model);

        var undone = history.Undo()!;
        undone.Find("ward").ShouldNotBeNull();
        undone = history.Undo()!;
        undone.Find("tax")!.X.ShouldBe(model.Find("tax")!.X - 40);
        history.CanUndo.ShouldBeFalse();

        var redone = history.Redo()!;
        redone.Find("tax")!.X.ShouldBe(model.Find("tax")!.X);
        history.Redo()!.Find("ward").ShouldBeNull();
        history.CanRedo.ShouldBeFalse();
    }

    [Test]
    public void Should_lay_out_from_the_start_downwards()
    {
        var model = Drawn.FiveSteps();
        foreach (var n in model.Nodes) (n.X, n.Y) = (0, 0);

        DesignerEdits.AutoLayout(model);

        model.Find("receive")!.Y.ShouldBeLessThan(model.Find("consult-1")!.Y);
        model.Find("tax")!.Y.ShouldBe(model.Find("ward")!.Y);
        model.Find("tax")!.X.ShouldNotBe(model.Find("ward")!.X);
        model.Find("decide")!.Y.ShouldBeGreaterThan(model.Find("join-1")!.Y);
    }
}

/// <summary>A five-step procedure with one parallel consultation, drawn through the designer's edits.</summary>
internal static class Drawn
{
    public static DesignerModel FiveSteps()
    {
        var model = DesignerModel.New("trial-permit", "Cấp giấy phép thử");
        model.Header.LegalLimit = WorkingTime.Days(5);
        Human(model, "receive", "Tiếp nhận hồ sơ", "clerk", WorkingTime.Days(0.5m));
        var split = DesignerEdits.Add(model, StepKind.Split, 0, 100);
        Human(model, "tax", "Ý kiến cơ quan thuế", "consulted-officer", WorkingTime.Days(2));
        Human(model, "ward", "Ý kiến UBND phường", "consulted-officer", WorkingTime.Days(1));
        Human(model, "decide", "Lãnh đạo quyết định", "unit-leader", WorkingTime.Days(1));
        Human(model, "hand-over", "Trả kết quả", "clerk", WorkingTime.Days(0.5m));
        var approved = DesignerEdits.Add(model, StepKind.End, 0, 600);
        var refused = DesignerEdits.Add(model, StepKind.End, 200, 600);
        refused.Step.Outcome = "refused";
        DesignerEdits.Connect(model, "receive", split.Id);
        DesignerEdits.Connect(model, split.Id, "tax");
        DesignerEdits.Connect(model, split.Id, "ward");
        DesignerEdits.Connect(model, "tax", "join-1");
        DesignerEdits.Connect(model, "ward", "join-1");
        DesignerEdits.Connect(model, "join-1", "decide");
        DesignerEdits.Connect(model, "decide", "hand-over");
        DesignerEdits.Connect(model, "decide", refused.Id);
        DesignerEdits.Connect(model, "hand-over", approved.Id);
        return model;
    }

    private static void Human(DesignerModel model, string id, string title, string role, WorkingTime budget)
    {
        var node = DesignerEdits.Add(model, StepKind.Human, 0, 0);
        DesignerEdits.Rename(model, node.Id, id);
        node.Step.Title = title;
        node.Step.Role = role;
        node.Step.Budget = budget;
    }
}
