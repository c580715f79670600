using Api.Ui.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace Ui.Components.Tests;

/// <summary>The file picker in the page's language instead of the browser's "Choose File / No file chosen".</summary>
public sealed class When_a_file_is_picked
{
    [Test]
    public async Task Should_offer_a_vietnamese_button_and_name_the_chosen_file()
    {
        await using var context = Components.NewContext();
        InputFileChangeEventArgs? changed = null;
        var cut = context.Render<FilePicker>(p => p
            .Add(x => x.Id, "scan")
            .Add(x => x.OnChange, (InputFileChangeEventArgs e) => changed = e)
            .AddUnmatched("data-testid", "submit-file")
            .AddUnmatched("aria-label", "Tệp đính kèm cho Tờ khai"));
        cut.Find("label[for=scan]").TextContent.ShouldBe("Chọn tệp");
        cut.Find("[data-testid=file-picker-name]").TextContent.ShouldBe("Chưa chọn tệp");
        var input = cut.Find("input[type=file]");
        input.Id.ShouldBe("scan");
        input.GetAttribute("data-testid").ShouldBe("submit-file");
        input.GetAttribute("aria-label").ShouldBe("Tệp đính kèm cho Tờ khai");

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.4", "to-khai.pdf"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=file-picker-name]").TextContent.ShouldBe("to-khai.pdf"));
        changed.ShouldNotBeNull();
    }
}
