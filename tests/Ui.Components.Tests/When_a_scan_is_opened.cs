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

    private static IRenderedComponent<ScanViewer> Render(BunitContext context, AttachmentView file, Action? closed = null,
        Procedures.Signatures.SignatureReport? signature = null) =>
        context.Render<ScanViewer>(p => p
            .Add(x => x.File, file)
            .Add(x => x.Signature, signature)
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

    private static Procedures.Signatures.SignatureReport Report(bool unchanged) => new(true, unchanged, true, null, "Nguyễn Văn An", "Chủ tịch",
        "UBND xã Đạ Tông", new DateTimeOffset(2026, 3, 10, 2, 30, 0, TimeSpan.Zero), "000.00.07.H29-260303-0001", new string('0', 64));

    [Test]
    public async Task Should_say_who_signed_a_citizens_signed_pdf_when_its_signature_holds()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, File("to-khai-da-ky.pdf", "application/pdf"), signature: Report(unchanged: true));

        var alert = cut.Find("[data-testid=scan-signature]");
        alert.TextContent.ShouldContain("chữ ký số hợp lệ: ký bởi Nguyễn Văn An lúc 10/03/2026 09:30");
        alert.ClassList.ShouldContain("mud-alert-text-success");
    }

    [Test]
    public async Task Should_warn_when_a_signed_pdf_was_changed_after_signing_and_say_nothing_for_an_unsigned_one()
    {
        await using var context = Components.NewContext();
        var changed = Render(context, File("to-khai-da-sua.pdf", "application/pdf"), signature: Report(unchanged: false));

        changed.Find("[data-testid=scan-signature]").TextContent.ShouldContain("không hợp lệ: Văn bản đã bị thay đổi sau khi ký.");
        Render(context, File("ban-chup.pdf", "application/pdf"), signature: Procedures.Signatures.SignatureReport.Unsigned(new string('0', 64)))
            .FindAll("[data-testid=scan-signature]").ShouldBeEmpty();
    }
}
