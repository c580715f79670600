using Api.Attachments;
using Api.Ui.Components.Shared;
using Bunit;

namespace Ui.Components.Tests;

/// <summary>The viewer panel of a dossier's scan: a PDF in the browser's viewer, an image as is, a TIFF for download only.</summary>
public sealed class When_a_scan_is_opened
{
    private static readonly Guid Dossier = Guid.Parse("0193f5e0-0000-7000-8000-000000000001");

    private static AttachmentView File(string name, string type, long size = 2048) =>
        new(Guid.Parse("0193f5e0-0000-7000-8000-0000000000aa"), name, type, size, new string('0', 64), DateTimeOffset.UnixEpoch, Dossier);

    private static IRenderedComponent<ScanViewer> Render(BunitContext context, AttachmentView file, Action? closed = null) =>
        context.Render<ScanViewer>(p => p
            .Add(x => x.File, file)
            .Add(x => x.Link, (Func<Guid, bool, string>)((id, download) => Api.Ui.ScanEndpoints.OfficialLink(Dossier, id, download)))
            .Add(x => x.OnClose, () => closed?.Invoke()));

    [Test]
    public async Task Should_show_a_pdf_in_a_frame_of_the_inline_address_with_a_download_beside_it()
    {
        await using var context = Components.NewContext();
        var file = File("giay-to-1.pdf", "application/pdf");
        var cut = Render(context, file);

        var frame = cut.Find("iframe[data-testid=scan-frame]");
        frame.GetAttribute("src").ShouldBe($"/ui/tep/ho-so/{Dossier}/{file.Id}");
        frame.GetAttribute("title").ShouldBe("giay-to-1.pdf");
        cut.Find("[data-testid=scan-download]").GetAttribute("href").ShouldBe($"/ui/tep/ho-so/{Dossier}/{file.Id}?tai-ve=1");
        cut.Find("[data-testid=scan-name]").TextContent.ShouldBe("giay-to-1.pdf");
        cut.Markup.ShouldContain("2 KB");
        cut.FindAll("img").ShouldBeEmpty();
    }

    [Test]
    public async Task Should_show_an_image_as_an_image_with_its_name_as_text_alternative()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, File("cccd.jpg", "image/jpeg", 3 * 1024 * 1024));

        var image = cut.Find("img[data-testid=scan-image]");
        image.GetAttribute("alt").ShouldBe("cccd.jpg");
        image.GetAttribute("src").ShouldEndWith("/" + File("x", "image/jpeg").Id);
        cut.FindAll("iframe").ShouldBeEmpty();
        cut.Markup.ShouldContain("3,0 MB");
    }

    [Test]
    public async Task Should_offer_a_tiff_for_download_only_and_say_why()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, File("ban-ve.tiff", "image/tiff"));

        cut.FindAll("iframe, img").ShouldBeEmpty();
        cut.Find("[data-testid=scan-no-preview]").TextContent.ShouldContain("TIFF");
        cut.Find("[data-testid=scan-download]").GetAttribute("href").ShouldEndWith("?tai-ve=1");
    }

    [Test]
    public async Task Should_tell_the_page_when_the_person_closes_it()
    {
        await using var context = Components.NewContext();
        var closed = 0;
        var cut = Render(context, File("a.pdf", "application/pdf"), () => closed++);

        var close = cut.Find("[data-testid=scan-close]");
        close.GetAttribute("aria-label").ShouldBe("Đóng tệp");
        await close.ClickAsync(new());

        closed.ShouldBe(1);
    }

    [Test]
    public void Should_link_a_citizens_file_through_the_citizens_address()
    {
        var file = File("a.pdf", "application/pdf");
        Api.Ui.ScanEndpoints.CitizenLink(Dossier, file.Id).ShouldBe($"/ui/tep/cong-dan/{Dossier}/{file.Id}");
        Api.Ui.ScanEndpoints.CitizenLink(Dossier, file.Id, download: true).ShouldBe($"/ui/tep/cong-dan/{Dossier}/{file.Id}?tai-ve=1");
    }
}
