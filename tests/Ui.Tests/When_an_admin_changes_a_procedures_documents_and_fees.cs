using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Ui.Tests;

/// <summary>
/// A document and a per-page fee tier added on the catalogue's editors are what the clerk sees at the counter; a fee that
/// starts next month is not; a blank form uploaded for a document is downloaded from the public procedure page.
/// </summary>
public sealed class When_an_admin_changes_a_procedures_documents_and_fees
{
    // Marital status certificate: a per-decision fee no other journey relies on.
    private const string Procedure = "1.004873";
    private UiHost _host = null!;
    private IPage? _admin, _clerk;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.InstanceAsync();

    [TearDown]
    public Task ShootFailure() => Pages.ShootIfFailedAsync(_admin, _clerk);

    [Test]
    public async Task Should_show_the_added_document_and_fee_tier_to_the_clerk_at_the_counter()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var document = "Bản sao sổ hộ khẩu cũ " + suffix;
        var fee = "Phí chứng thực bản sao kèm theo " + suffix;
        var procedureId = await _host.Db(db => db.Procedures.Where(p => p.Code == Procedure).Select(p => p.Id).SingleAsync());
        var documentsBefore = await _host.Db(db => db.Procedures.Where(p => p.Id == procedureId).SelectMany(p => p.RequiredDocuments).CountAsync());

        var admin = _admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/thu-tuc");
        await admin.FillFieldAsync("catalogue-filter", Procedure);
        // The filtered list is back from the server before a row is clicked (a click on a row being replaced is lost).
        await Assertions.Expect(admin.Locator("[data-testid=catalogue-row]")).ToHaveCountAsync(1);
        await admin.Locator("[data-testid=catalogue-row]", new() { HasText = Procedure }).First.ClickAsync();
        var documents = admin.Locator("[data-testid=procedure-documents]");
        await documents.WaitForAsync();

        // A new optional document, two copies.
        await documents.Locator("[data-testid=document-add]").ClickAsync();
        await documents.Locator("[data-testid=document-row]").Nth(documentsBefore).WaitForAsync();
        var row = documents.Locator("[data-testid=document-row]").Nth(documentsBefore);
        await admin.FillFieldAsync("document-name", document, row);
        await admin.FillFieldAsync("document-copies", "2", row);
        await row.Locator("input[data-testid=document-optional]").CheckAsync();
        await documents.Locator("[data-testid=documents-save]").ClickAsync();
        await Until(() => _host.Db(db => db.Procedures.Where(p => p.Id == procedureId).SelectMany(p => p.RequiredDocuments)
            .AnyAsync(d => d.Name == document && d.Copies == 2 && d.IsOptional)));

        // A per-page fee: 3,000 đ for each of the first 2 pages, 1,500 đ after, at most 90,000 đ a copy.
        var fees = admin.Locator("[data-testid=procedure-fees]");
        var feesBefore = await fees.Locator("[data-testid=fee-row]").CountAsync();
        await fees.Locator("[data-testid=fee-add]").ClickAsync();
        var feeRow = fees.Locator("[data-testid=fee-row]").Nth(feesBefore);
        await feeRow.WaitForAsync();
        await admin.FillFieldAsync("fee-name", fee, feeRow);
        await admin.PickAsync("fee-kind", "Theo trang (bậc)", feeRow);
        await feeRow.Locator("[data-testid=fee-cap]").WaitForAsync();
        await admin.FillFieldAsync("fee-amount", "3000", feeRow);
        await admin.FillFieldAsync("fee-first-pages", "2", feeRow);
        await admin.FillFieldAsync("fee-next-rate", "1500", feeRow);
        await admin.FillFieldAsync("fee-cap", "90000", feeRow);
        // And a fee that starts in a month: saved, but not charged today.
        var later = "Lệ phí từ tháng sau " + suffix;
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
        await fees.Locator("[data-testid=fee-add]").ClickAsync();
        var laterRow = fees.Locator("[data-testid=fee-row]").Nth(feesBefore + 1);
        await laterRow.WaitForAsync();
        await admin.FillFieldAsync("fee-name", later, laterRow);
        await admin.FillFieldAsync("fee-amount", "10000", laterRow);
        await admin.FillFieldAsync("fee-from", startsOn.ToString("yyyy-MM-dd"), laterRow);
        await fees.Locator("[data-testid=fees-save]").ClickAsync();
        await Until(async () => (await _host.Db(db => db.Procedures.SingleAsync(p => p.Id == procedureId))).Fees
            .Any(f => f.Name == fee && f.Amount == 3000 && f.FirstPages == 2 && f.NextPageAmount == 1500 && f.MaxPerCopy == 90000)
            && (await _host.Db(db => db.Procedures.SingleAsync(p => p.Id == procedureId))).Fees.Any(f => f.Name == later && f.EffectiveFrom == startsOn));
        await admin.ShotAsync("c1-procedure-document-and-fee-added");

        // The blank form of the first document, uploaded from the documents editor.
        var form = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% To khai mau {suffix}\n");
        await documents.Locator("[data-testid=document-row]").First.Locator("input[data-testid=template-file]")
            .SetInputFilesAsync(new FilePayload { Name = "To khai.pdf", MimeType = "application/pdf", Buffer = form });
        await documents.Locator("[data-testid=document-row]").First.Locator("[data-testid=template-file-link]").WaitForAsync();

        var clerk = _clerk = await Browser.NewPageAsync(_host);
        await clerk.SignInAsync("ys.clerk");
        await clerk.GoAsync("/can-bo/tiep-nhan");
        await clerk.PickProcedureAtCounterAsync(Procedure);
        (await clerk.Locator("label.mud-checkbox", new() { Has = clerk.Locator("[data-testid=document-tick]"), HasText = document }).InnerTextAsync())
            .ShouldBe(document + " (không bắt buộc)");
        var counterFees = await clerk.Locator("[data-testid=counter-fees]").InnerTextAsync();
        counterFees.ShouldContain(fee);
        counterFees.ShouldContain("tối đa 90.000 ₫ / bản");
        counterFees.ShouldNotContain(later);
        await clerk.ShotAsync("c2-counter-shows-the-new-document-and-fee");

        var citizen = await Browser.NewPageAsync(_host);
        await citizen.GoAsync($"/thu-tuc/{procedureId}");
        var download = citizen.Locator("[data-testid=template-download]").First;
        await download.WaitForAsync();
        (await download.InnerTextAsync()).Trim().ShouldBe("Tải mẫu");
        var file = await citizen.APIRequest.GetAsync((await download.GetAttributeAsync("href"))!);
        file.Status.ShouldBe(200);
        (await file.BodyAsync()).ShouldBe(form);
        (await citizen.Locator("[data-testid=procedure-fees]").InnerTextAsync()).ShouldNotContain(later);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the change was not stored within 20 s");
            await Task.Delay(100);
        }
    }
}
