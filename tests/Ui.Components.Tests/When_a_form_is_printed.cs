using Api.Ui.Components.Shared;
using Bunit;

namespace Ui.Components.Tests;

/// <summary>The print button opens the browser's print dialog on the form's PDF from the page (print.js), not a blank tab.</summary>
public sealed class When_a_form_is_printed
{
    [Test]
    public async Task Should_hand_the_forms_address_to_the_print_script_and_open_no_link()
    {
        await using var context = Components.NewContext();
        var module = context.JSInterop.SetupModule("./print.js");
        module.SetupVoid("printPdf", _ => true).SetVoidResult();
        var cut = context.Render<PrintFormButton>(p => p.Add(x => x.Href, "/ui/ho-so/1/mau/01").Add(x => x.Text, "In giấy tiếp nhận").Add(x => x.TestId, "print-form"));

        var button = cut.Find("[data-testid=print-form]");
        button.TagName.ShouldBe("BUTTON");
        button.HasAttribute("href").ShouldBeFalse();
        button.TextContent.ShouldContain("In giấy tiếp nhận");
        await button.ClickAsync(new());

        module.VerifyInvoke("printPdf").Arguments.ShouldBe(["/ui/ho-so/1/mau/01"]);
    }
}
