using Api.Ui.Components.Pages.Admin;
using Bunit;
using Procedures.Catalogue;

namespace Ui.Components.Tests;

/// <summary>
/// A procedure's documents form checks the document rules before sending: every nameless document and bad number of copies at
/// its field at once. Nobody is signed in, so what is sent comes back as "you do not administer this unit".
/// </summary>
public sealed class When_procedure_documents_are_filled_in
{
    private static IRenderedComponent<ProcedureDocumentsEditor> Render(BunitContext context) =>
        context.Render<ProcedureDocumentsEditor>(p => p.Add(x => x.Detail, AdminForms.Procedure(
            [new DocumentView(Guid.NewGuid(), 1, "Tờ khai", 1, DocumentForm.Original, false, null), new DocumentView(Guid.NewGuid(), 2, "Giấy chứng sinh", 1, DocumentForm.Copy, false, null)],
            [new Fee { Name = "Lệ phí", Kind = FeeKind.Free }])));

    [Test]
    public async Task Should_show_every_nameless_document_and_bad_copies_at_once_and_send_nothing()
    {
        await using var context = AdminForms.Context();
        var cut = Render(context);

        cut.Field("document-name", 0).Change(" ");
        cut.Field("document-copies", 1).Change("0");
        cut.Find("[data-testid=document-add]").Click();
        cut.Find("[data-testid=documents-save]").Click();

        cut.WaitForAssertion(() => cut.Errors().ShouldBe(["Vui lòng nhập tên giấy tờ.", "Số bản phải từ 1 trở lên.", "Vui lòng nhập tên giấy tờ."]));
        cut.ShouldNotHaveBeenSent();
    }

    [Test]
    public async Task Should_send_a_clean_list_to_the_use_case()
    {
        await using var context = AdminForms.Context();
        var cut = Render(context);

        cut.Find("[data-testid=document-down]").Click();
        cut.Find("[data-testid=documents-save]").Click();

        cut.ShouldHaveBeenSent();
    }
}
