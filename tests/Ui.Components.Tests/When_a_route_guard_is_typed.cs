using Api.Ui.Components.Pages.Admin;
using Api.Ui.Designer;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Engine.Definitions;

namespace Ui.Components.Tests;

/// <summary>
/// The designer's route guard box completes what is typed: the variables in scope at the step (inputs, and what this step and the
/// steps before it collect) and the expression operators, narrowed to the word being typed; a chip replaces that word.
/// </summary>
public sealed class When_a_route_guard_is_typed
{
    /// <summary>receive (form: fee) → decide (form: recommendation) → done; a later step "archive" collects archiveNo.</summary>
    private static DesignerModel Model()
    {
        var model = DesignerModel.New("guard-test", "Guard test");
        var receive = DesignerEdits.Add(model, StepKind.Human, 0, 0);
        receive.Step.Form.Add(new FormField { Name = "fee", Type = FieldType.Number });
        var decide = DesignerEdits.Add(model, StepKind.Human, 0, 100);
        decide.Step.Form.Add(new FormField { Name = "recommendation", Type = FieldType.Text });
        var archive = DesignerEdits.Add(model, StepKind.Human, 0, 200);
        archive.Step.Form.Add(new FormField { Name = "archiveNo", Type = FieldType.Text });
        var end = DesignerEdits.Add(model, StepKind.End, 0, 300);
        DesignerEdits.Connect(model, receive.Id, decide.Id).ShouldBeTrue();
        DesignerEdits.Connect(model, decide.Id, archive.Id).ShouldBeTrue();
        DesignerEdits.Connect(model, archive.Id, end.Id).ShouldBeTrue();
        return model;
    }

    [Test]
    public void Should_offer_the_inputs_and_the_fields_of_this_step_and_earlier_ones_but_not_of_later_ones()
    {
        var model = Model();

        var variables = GuardCompletion.Variables(model, "step-2");

        variables.ShouldContain("fee");
        variables.ShouldContain("recommendation");
        variables.ShouldContain("processingUnit");
        variables.ShouldNotContain("archiveNo");
    }

    [Test]
    public async Task Should_narrow_the_chips_to_the_word_typed_and_replace_it_with_the_chip_clicked()
    {
        await using var context = Components.NewContext();
        // The admin pages' imports inject these; the routes panel itself calls neither.
        context.AddAuthorization();
        context.Services.AddScoped<Api.Ui.UiSession>();
        context.Services.AddScoped<Api.Ui.Admin.AdminDesk>();
        var model = Model();
        var decide = model.Find("step-2")!;
        decide.Step.Actions[0].Guard = "reco";
        var cut = context.Render<DesignerRoutes>(p => p.Add(x => x.Node, decide).Add(x => x.Model, model)
            .Add(x => x.Variables, GuardCompletion.Variables(model, decide.Id)));

        cut.Find("[data-testid=guard-suggestions]").GetAttribute("data-partial").ShouldBe("reco");
        cut.FindAll("[data-testid=guard-variable]").Select(c => c.TextContent.Trim()).ShouldBe(["recommendation"]);
        cut.FindAll("[data-testid=guard-operator]").ShouldBeEmpty();

        cut.Find("[data-testid=guard-variable]").Click();
        decide.Step.Actions[0].Guard.ShouldBe("recommendation");

        decide.Step.Actions[0].Guard = "recommendation ";
        cut.Render();
        var operators = cut.FindAll("[data-testid=guard-operator]").Select(c => c.TextContent.Trim()).ToList();
        operators.ShouldContain("==");
        operators.ShouldContain("&&");
        cut.FindAll("[data-testid=guard-operator]").First(c => c.TextContent.Trim() == "==").Click();
        decide.Step.Actions[0].Guard.ShouldBe("recommendation ==");
    }

    [Test]
    public void Should_replace_only_the_word_being_typed()
    {
        GuardCompletion.Partial("fee > 0 && reco").ShouldBe("reco");
        GuardCompletion.Apply("fee > 0 && reco", "recommendation").ShouldBe("fee > 0 && recommendation");
        GuardCompletion.Apply("fee > 0", "&&").ShouldBe("fee > 0 &&");
        GuardCompletion.Apply(null, "fee").ShouldBe("fee");
    }
}
