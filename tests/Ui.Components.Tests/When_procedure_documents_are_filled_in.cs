using Api.Ui;
using Api.Ui.Admin;
using Api.Ui.Components.Pages.Admin;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Catalogue;

namespace Ui.Components.Tests;

/// <summary>
/// A procedure's documents form checks the document rules before sending: every nameless document and bad number of copies at
/// its field at once. Nobody is signed in, so what is sent comes back as "you do not administer this unit".
/// </summary>
public sealed class When_procedure_documents_are_filled_in
{
    private const string NotSent = "Bạn không có quyền quản trị đơn vị này.";

    private static BunitContext Context()
    {
        var context = Components.NewContext();
        context.AddAuthorization();
        context.Services.AddScoped<UiSession>();
        context.Services.AddScoped<AdminDesk>();
        return context;
    }

    private static IRenderedComponent<ProcedureDocumentsEditor> Render(BunitContext context) =>
        context.Render<ProcedureDocumentsEditor>(p => p.Add(x => x.Detail, new ProcedureDetail(
            Guid.NewGuid(), "1.000001", "Thủ tục thử", null, "commune", Guid.NewGuid(), "Hộ tịch", null, null,
            new LegalTimeLimit(LegalTimeLimitKind.WorkingDays, 3), [Channel.Counter],
            [new DocumentView(Guid.NewGuid(), 1, "Tờ khai", 1, DocumentForm.Original, false, null), new DocumentView(Guid.NewGuid(), 2, "Giấy chứng sinh", 1, DocumentForm.Copy, false, null)],
            [new Fee { Name = "Lệ phí", Kind = FeeKind.Free }], [], 10, true, [])));

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ProcedureDocumentsEditor> cut, string testId, int row)
    {
        var element = cut.FindAll($"[data-testid={testId}]")[row];
        return element.TagName is "INPUT" ? element : element.QuerySelector("input:not([type=hidden])")!;
    }

    private static IReadOnlyList<string> Errors(IRenderedComponent<ProcedureDocumentsEditor> cut) =>
        [.. cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())];

    [Test]
    public async Task Should_show_every_nameless_document_and_bad_copies_at_once_and_send_nothing()
    {
        await using var context = Context();
        var cut = Render(context);

        Field(cut, "document-name", 0).Change(" ");
        Field(cut, "document-copies", 1).Change("0");
        cut.Find("[data-testid=document-add]").Click();
        cut.Find("[data-testid=documents-save]").Click();

        cut.WaitForAssertion(() => Errors(cut).ShouldBe(["Vui lòng nhập tên giấy tờ.", "Số bản phải từ 1 trở lên.", "Vui lòng nhập tên giấy tờ."]));
        cut.Markup.ShouldNotContain(NotSent);
    }

    [Test]
    public async Task Should_send_a_clean_list_to_the_use_case()
    {
        await using var context = Context();
        var cut = Render(context);

        cut.Find("[data-testid=document-down]").Click();
        cut.Find("[data-testid=documents-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error]").TextContent.ShouldContain(NotSent));
        Errors(cut).ShouldBeEmpty();
    }
}
