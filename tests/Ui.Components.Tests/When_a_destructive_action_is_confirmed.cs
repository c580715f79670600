using Api.Ui;
using Api.Ui.Components.Shared;
using Bunit;
using MudBlazor;
using Procedures.Catalogue;
using Procedures.Dossiers;

namespace Ui.Components.Tests;

/// <summary>Refusing or withdrawing a dossier: a button in the error colour, and a dialog that says what will happen before anything is sent.</summary>
public sealed class When_a_destructive_action_is_confirmed
{
    private readonly List<ActionInput> _sent = [];

    [SetUp]
    public void NothingSentYet() => _sent.Clear();

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ActionPanel> Panel) Render(BunitContext context, AvailableAction action)
    {
        var dialogs = context.Render<MudDialogProvider>();
        var panel = context.Render<ActionPanel>(p => p
            .Add(x => x.Action, action)
            .Add(x => x.OnSubmit, input => { _sent.Add(input); return Task.FromResult<string?>(null); }));
        return (dialogs, panel);
    }

    private static void Comment(IRenderedComponent<ActionPanel> panel, string text)
    {
        var field = panel.Find("[data-testid=action-comment]");
        (field.TagName is "INPUT" or "TEXTAREA" ? field : field.QuerySelector("textarea, input")!).Change(text);
    }

    [Test]
    public async Task Should_send_nothing_when_the_refusal_is_cancelled()
    {
        await using var context = Components.NewContext();
        var (dialogs, panel) = Render(context, new AvailableAction("refuse", "Từ chối", "process", [], CommentRequired: true));
        Comment(panel, "Không thuộc thẩm quyền");
        panel.Find("[data-testid=action-go]").Click();
        dialogs.WaitForElement("[data-testid=confirm-message]").TextContent.ShouldContain("Từ chối hồ sơ này?");
        dialogs.Find("[data-testid=confirm-cancel]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("[data-testid=confirm-dialog]").ShouldBeEmpty());
        _sent.ShouldBeEmpty();
    }

    [Test]
    public async Task Should_put_the_refusal_and_its_confirmation_in_the_error_colour()
    {
        await using var context = Components.NewContext();
        var (dialogs, panel) = Render(context, new AvailableAction("refuse", "Từ chối", "process", [], CommentRequired: true));
        panel.Find("[data-testid=action-go]").ClassList.ShouldContain("mud-button-filled-error");
        Comment(panel, "Không thuộc thẩm quyền");
        panel.Find("[data-testid=action-go]").Click();
        var go = dialogs.WaitForElement("[data-testid=confirm-go]");
        go.ClassList.ShouldContain("mud-button-filled-error");
        go.TextContent.Trim().ShouldBe("Từ chối");
    }

    [Test]
    public async Task Should_ask_before_a_withdrawal_in_its_own_words()
    {
        await using var context = Components.NewContext();
        var (dialogs, panel) = Render(context, new AvailableAction("withdraw", "Rút hồ sơ", "process", [], false));
        panel.Find("[data-testid=action-go]").Click();
        dialogs.WaitForElement("[data-testid=confirm-message]").TextContent.ShouldContain("Rút hồ sơ này?");
        _sent.ShouldBeEmpty();
        dialogs.Find("[data-testid=confirm-go]").Click();
        panel.WaitForAssertion(() => _sent.Single().Name.ShouldBe("withdraw"));
    }

    [Test]
    public async Task Should_run_an_approval_at_once_in_the_primary_colour()
    {
        await using var context = Components.NewContext();
        var (dialogs, panel) = Render(context, new AvailableAction("approve", "Duyệt", "process", [], false));
        panel.Find("[data-testid=action-go]").ClassList.ShouldContain("mud-button-filled-primary");
        panel.Find("[data-testid=action-go]").Click();
        _sent.Single().Name.ShouldBe("approve");
        dialogs.FindAll("[data-testid=confirm-dialog]").ShouldBeEmpty();
    }

    [Test]
    public async Task Should_confirm_a_refused_online_reception_but_not_an_accepted_one()
    {
        await using var context = Components.NewContext();
        var (dialogs, panel) = Render(context, new AvailableAction("receive-online", "Tiếp nhận", "receive", [], false));
        panel.Find("[data-testid=action-go]").ClassList.ShouldContain("mud-button-filled-primary");
        panel.FindAll("input[type=radio]")[2].Click(); // Refuse
        panel.Find("[data-testid=action-go]").ClassList.ShouldContain("mud-button-filled-error");
        Comment(panel, "Không thuộc thẩm quyền của xã");
        panel.Find("[data-testid=action-go]").Click();
        dialogs.WaitForElement("[data-testid=confirm-go]").TextContent.Trim().ShouldBe("Từ chối tiếp nhận");
        _sent.ShouldBeEmpty();
    }

    [TestCase("refuse", true)]
    [TestCase("withdraw", true)]
    [TestCase("reject-application", true)]
    [TestCase("approve", false)]
    [TestCase("return", false)]
    [TestCase("request-supplement", false)]
    public void Should_know_which_workflow_actions_are_destructive(string action, bool destructive) =>
        Confirmations.IsDestructive(action).ShouldBe(destructive);
}
