using Api.Ui;
using Api.Ui.Components.Shared;
using Bunit;
using Engine.Definitions;
using Procedures.Catalogue;

namespace Ui.Components.Tests;

/// <summary>The action forms of the dossier page: what a form lacks is said before the use case is asked.</summary>
public sealed class When_an_action_form_is_sent
{
    private readonly List<ActionInput> _sent = [];

    [SetUp]
    public void NothingSentYet() => _sent.Clear();

    private IRenderedComponent<ActionPanel> Render(BunitContext context, AvailableAction action) =>
        context.Render<ActionPanel>(p => p
            .Add(x => x.Action, action)
            .Add(x => x.OnSubmit, input => { _sent.Add(input); return Task.FromResult<string?>(null); }));

    /// <summary>MudBlazor puts the test id on the input itself or on its wrapper; this finds the input either way.</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ActionPanel> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input:not([type=hidden]), textarea")!;
    }

    private static string Error(IRenderedComponent<ActionPanel> cut) => cut.Find("[data-testid=error]").TextContent;

    [Test]
    public async Task Should_refuse_a_refusal_without_its_reason_and_send_it_with_one_once_confirmed()
    {
        await using var context = Components.NewContext();
        var dialogs = context.Render<MudBlazor.MudDialogProvider>();
        var cut = Render(context, new AvailableAction("refuse", "Từ chối", "process", [], CommentRequired: true));
        cut.Find("[data-testid=action-go]").Click();
        Error(cut).ShouldBe("Vui lòng nhập ý kiến hoặc lý do.");
        dialogs.FindAll("[data-testid=confirm-dialog]").ShouldBeEmpty(); // nothing to confirm while the form is incomplete
        _sent.ShouldBeEmpty();

        Field(cut, "action-comment").Change("Hồ sơ không đủ điều kiện");
        cut.Find("[data-testid=action-go]").Click();
        dialogs.WaitForElement("[data-testid=confirm-go]").Click();
        cut.WaitForAssertion(() => _sent.Single().Comment.ShouldBe("Hồ sơ không đủ điều kiện"));
        cut.FindAll("[data-testid=error]").ShouldBeEmpty();
    }

    [Test]
    public async Task Should_refuse_an_assignment_without_a_specialist()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, new AvailableAction("assign", "Phân công", "assign", [], false));
        cut.Find("[data-testid=action-go]").Click();
        Error(cut).ShouldBe("Vui lòng chọn chuyên viên.");
        _sent.ShouldBeEmpty();
    }

    [Test]
    public async Task Should_name_a_required_field_of_the_step_that_is_empty()
    {
        await using var context = Components.NewContext();
        var field = new FormField { Name = "registrationNumber", Label = "Số đăng ký", Required = true };
        var cut = Render(context, new AvailableAction("submit", "Trình ký", "process", [field], false));
        cut.Find("[data-testid=action-go]").Click();
        Error(cut).ShouldBe("Vui lòng nhập Số đăng ký.");
        _sent.ShouldBeEmpty();

        Field(cut, "field-registrationNumber").Change("31A8000001");
        cut.Find("[data-testid=action-go]").Click();
        _sent.Single().Fields!["registrationNumber"].ShouldBe("31A8000001");
    }

    [Test]
    public async Task Should_ask_for_the_missing_items_and_the_reason_of_a_supplement_request()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, new AvailableAction("request-supplement", "Yêu cầu bổ sung", "receive", [], false));
        cut.Find("[data-testid=action-go]").Click();
        Error(cut).ShouldBe("Vui lòng liệt kê giấy tờ cần bổ sung.");

        Field(cut, "missing-items").Change("Bản sao CCCD\n\nGiấy xác nhận cư trú");
        cut.Find("[data-testid=action-go]").Click();
        Error(cut).ShouldBe("Vui lòng nhập ý kiến hoặc lý do.");
        _sent.ShouldBeEmpty();

        Field(cut, "action-comment").Change("Thiếu giấy tờ");
        cut.Find("[data-testid=action-go]").Click();
        _sent.Single().MissingItems.ShouldBe(["Bản sao CCCD", "Giấy xác nhận cư trú"]);
    }

    [Test]
    public async Task Should_ask_which_documents_of_a_supplement_were_handed_in()
    {
        await using var context = Components.NewContext();
        var missing = new Procedures.Dossiers.DocumentView(Guid.NewGuid(), Guid.NewGuid(), "Giấy xác nhận cư trú", 1, DocumentForm.Copy, false, false, null);
        var cut = Render(context, new AvailableAction("supplement-received", "Đã nhận hồ sơ bổ sung", "await-supplement", [], false, [missing], []));
        cut.Find("[data-testid=action-go]").Click();
        Error(cut).ShouldBe("Vui lòng đánh dấu ít nhất một giấy tờ đã nhận bổ sung.");
        _sent.ShouldBeEmpty();

        Field(cut, "supplied-tick").Change(true);
        cut.Find("[data-testid=action-go]").Click();
        _sent.Single().Documents!.Single().ProcedureDocumentId.ShouldBe(missing.ProcedureDocumentId);
    }
}
