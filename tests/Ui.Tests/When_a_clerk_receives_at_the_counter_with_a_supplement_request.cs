using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// Journey (b): a dossier handed in at the counter lacks a document → supplement request (Form 02) → the supplement is handed in →
/// the clerk receives it and the dossier goes on with its receipt and appointment. And the same with a supplement sent online.
/// </summary>
public sealed class When_a_clerk_receives_at_the_counter_with_a_supplement_request
{
    private const string Procedure = "2.000720", MissingItem = "Bản chụp căn cước rõ nét", LegalPapers = "Giấy tờ pháp lý của cá nhân chủ hộ kinh doanh";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [Test]
    public async Task Should_request_the_missing_document_then_receive_it_and_give_an_appointment()
    {
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync("/can-bo/tiep-nhan");

        // The procedure, the one document the applicant brought (scanned), the applicant.
        await clerk.PickProcedureAtCounterAsync(Procedure);
        await Assertions.Expect(clerk.GetByText(LegalPapers).First).ToBeVisibleAsync();
        var documentFiles = clerk.Locator("[data-testid=document-file]");
        await Assertions.Expect(documentFiles.First).ToBeAttachedAsync();
        await documentFiles.First.SetInputFilesAsync(new FilePayload
        {
            Name = "giay-de-nghi.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.5\ngiay de nghi\n"u8.ToArray(),
        });
        await clerk.Locator(".mud-chip", new() { HasText = "giay-de-nghi.pdf" }).WaitForAsync();
        // The clerk scanned it from the paper original here: the digitised original (bản số hóa từ bản gốc).
        await clerk.Locator("[data-testid=document-digitised]").First.ClickAsync();
        await clerk.FillFieldAsync("applicant-name", "Lê Thị Bổ Sung");
        await clerk.FillFieldAsync("applicant-phone", "0901000777");
        await Assertions.Expect(clerk.Locator(".mud-alert", new() { HasText = LegalPapers })).ToHaveCountAsync(1);

        // Refused without the reason, then the supplement request with it.
        await clerk.Locator("[data-testid=decision-supplement]").ClickAsync();
        await clerk.Locator("[data-testid=receive]").ClickAsync();
        (await clerk.Locator("[data-testid=error]").InnerTextAsync()).ShouldContain("Vui lòng nhập ý kiến");
        await clerk.FillFieldAsync("reception-reason", "Thiếu bản sao giấy tờ pháp lý của chủ hộ");
        await clerk.Locator("[data-testid=receive]").ClickAsync();
        var receipt = clerk.Locator("[data-testid=receipt]");
        await receipt.WaitForAsync();
        (await receipt.InnerTextAsync()).ShouldContain("yêu cầu bổ sung");
        await clerk.ShotAsync("b1-counter-supplement-request");

        // The supplement request form (Form 02) is printable.
        var form = await clerk.Locator("[data-testid=print-form]").GetAttributeAsync("data-href");
        form.ShouldEndWith("/mau/02");
        var pdf = await clerk.Context.APIRequest.GetAsync(form!);
        pdf.Status.ShouldBe(200);
        pdf.Headers["content-type"].ShouldBe("application/pdf");

        // The applicant comes back with the missing paper: the clerk receives the supplement on the dossier page.
        await clerk.Locator("a", new() { HasText = "Mở hồ sơ" }).ClickAsync();
        await clerk.WaitForURLAsync(u => u.Contains("/can-bo/ho-so/", StringComparison.Ordinal));
        await clerk.WaitForLiveAsync();
        var id = Guid.Parse(clerk.Url.Split('/').Last());
        (await clerk.Locator("[data-testid=dossier-status]").InnerTextAsync()).ShouldBe("Yêu cầu bổ sung");
        (await clerk.Locator("[data-testid=appointment]").InnerTextAsync()).ShouldBe("—");
        await clerk.ShotAsync("b2-dossier-waiting-for-the-supplement");
        await clerk.RunActionAsync("supplement-received", p => p.Locator("[data-testid=supplied-document]", new() { HasText = LegalPapers })
            .Locator("[data-testid=supplied-tick]").TickAsync());

        (await clerk.Locator("[data-testid=dossier-status]").InnerTextAsync()).ShouldBe("Được tiếp nhận");
        var appointment = await _host.Db(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.AppointmentAt).SingleAsync());
        appointment.ShouldNotBeNull();
        (await clerk.Locator("[data-testid=appointment]").InnerTextAsync()).ShouldStartWith(Api.Ui.Fmt.Date(appointment));
        (await clerk.Locator("[data-testid=timeline]").InnerTextAsync()).ShouldContain("Thiếu bản sao giấy tờ pháp lý");
        await clerk.ShotAsync("b3-supplement-received-appointment");

        // The receipt with the appointment (Form 01) now exists, and lists the digitised original with its hash and who scanned it.
        var receiptPdf = await clerk.Context.APIRequest.GetAsync($"/ui/ho-so/{id}/mau/01");
        receiptPdf.Status.ShouldBe(200);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("%PDF-1.5\ngiay de nghi\n"u8));
        var receiptText = global::Tests.Shared.PdfText.Of(await receiptPdf.BodyAsync());
        receiptText.ShouldContain("Bản số hóa từ bản gốc");
        receiptText.ShouldContain($"{sha[..8]}…{sha[^8..]}");
        receiptText.ShouldContain("Số hóa bởi");
        (await clerk.Locator("[data-testid=digitised-mark]").CountAsync()).ShouldBe(1);
    }

    [Test]
    public async Task Should_show_the_clerk_a_supplement_sent_online_and_receive_it_with_the_citizens_file()
    {
        var procedure = await _host.Db(db => db.Procedures.Where(p => p.Code == Procedure).Select(p => p.Id).SingleAsync());
        var shop = await _host.Db(db => db.Units.Where(u => u.Code == "001.01.31.H29").Select(u => u.Name).SingleAsync());

        // The citizen sends the dossier online with a scan of each required document.
        var citizen = await Browser.NewPageAsync(_host, phone: true);
        await citizen.SignInAsync("0901000002");
        await citizen.GoAsync($"/cong-dan/nop-ho-so/{procedure}");
        await citizen.ChooseUnitAsync(shop);
        await citizen.AttachScansAsync("submit-file", "ban-scan", "%PDF-1.5\nmo\n");
        await citizen.FillFieldAsync("applicant-name", "Trần Thị Bình");
        await citizen.FillFieldAsync("applicant-phone", "0901000002");
        await citizen.Locator("[data-testid=submit-review]").ClickAsync();
        await citizen.Locator("[data-testid=submit-summary]").WaitForAsync();
        await citizen.Locator("[data-testid=submit-send]").ClickAsync();
        var id = await citizen.WaitForSubmissionSentAsync();

        // The clerk asks for a supplement at the online reception.
        var clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync($"/can-bo/ho-so/{id}");
        await clerk.RunActionAsync("receive-online", async p =>
        {
            await p.GetByText("Chưa đầy đủ: yêu cầu bổ sung").ClickAsync();
            await clerk.FillFieldAsync("missing-items", MissingItem, p);
            await clerk.FillFieldAsync("action-comment", "Bản chụp giấy tờ pháp lý bị mờ", p);
        });
        (await clerk.Locator("[data-testid=dossier-status]").InnerTextAsync()).ShouldBe("Yêu cầu bổ sung");

        // The citizen uploads the supplement from a phone.
        await citizen.GoAsync($"/cong-dan/ho-so/{id}");
        await citizen.AttachFileAsync("#supplement-file", "[data-testid=supplement-form] .mud-chip",
            new FilePayload { Name = "cccd.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.5\ncccd\n"u8.ToArray() });
        await citizen.Locator("[data-testid=supplement-form] button", new() { HasText = "Gửi" }).ClickAsync();
        await citizen.Locator("[data-testid=supplement-form] .mud-chip").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The clerk sees it on the dossier page and receives it, matching the citizen's file to the missing document.
        await clerk.GoAsync($"/can-bo/ho-so/{id}");
        (await clerk.Locator("[data-testid=online-supplement]").InnerTextAsync()).ShouldContain("cccd.pdf");
        await clerk.ShotAsync("b4-online-supplement-seen-by-the-clerk");
        await clerk.RunActionAsync("supplement-received", async p =>
        {
            var item = p.Locator("[data-testid=supplied-document]", new() { HasText = MissingItem });
            await item.Locator("[data-testid=supplied-tick]").TickAsync();
            await clerk.PickAsync("supplied-file", "cccd.pdf", item);
        });
        (await clerk.Locator("[data-testid=dossier-status]").InnerTextAsync()).ShouldBe("Được tiếp nhận");
        var documents = await _host.Db(db => db.DossierDocuments.Where(d => d.DossierId == id && d.FromSupplement).ToListAsync());
        documents.ShouldContain(d => d.Name == MissingItem && d.Provided && d.AttachmentId != null);
    }
}
