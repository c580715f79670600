using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Tests.Shared;

namespace Ui.Tests;

/// <summary>
/// Journey (signatures): the system administrator uploads the leader's PKCS#12 file on the certificates page; the citizen's
/// online dossier goes through the desks and the leader signs it at the signing step; the citizen downloads the signed result
/// from "my dossiers" (and with the code on the tracking page) and checks it on the verification page: valid, signer, dossier.
/// </summary>
public sealed class When_a_leader_signs_the_result_that_the_citizen_downloads
{
    private const string Phone = "0901000002", Password = "matkhau-123";
    private UiHost _host = null!;

    [OneTimeSetUp]
    public async Task Start() => _host = await UiHost.SigningInstanceAsync();

    [Test]
    public async Task Should_sign_at_the_signing_step_and_let_the_citizen_download_and_verify_the_result()
    {
        var pki = _host.Pki!;

        // The administrator stores the leader's certificate file, protected by its password.
        var admin = await Browser.NewPageAsync(_host);
        await admin.SignInAsync("admin");
        await admin.GoAsync("/quan-tri/chung-thu-so");
        await admin.FillFieldAsync("certificate-user", "ys.leader");
        await admin.Locator("[data-testid=certificate-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "ys.leader.p12", MimeType = "application/x-pkcs12", Buffer = pki.Valid.Export(X509ContentType.Pkcs12, Password),
        });
        await admin.FillFieldAsync("certificate-password", Password);
        await admin.Locator("[data-testid=certificate-upload]").ClickAsync();
        var row = admin.Locator("[data-testid=certificate][data-user='ys.leader']");
        await row.WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain(pki.Valid.SerialNumber);
        await admin.ShotAsync("s1-signing-certificates");

        // The citizen submits online; the clerk receives, the section head assigns, the specialist appraises, the head approves.
        var citizen = await Browser.NewPageAsync(_host);
        // The first document is a PDF the applicant's agency signed already: the clerk must see its signature check.
        var signedPaper = await SignedPaperAsync(pki);
        var id = await OnlineJourney.SubmitAsync(_host, citizen, "001085099998", Phone, scansAttached: async page =>
        {
            await page.Locator("[data-testid=submit-file]").First.SetInputFilesAsync(new FilePayload
            {
                Name = "giay-to-da-ky.pdf", MimeType = "application/pdf", Buffer = signedPaper,
            });
            await page.Locator(".mud-chip", new() { HasText = "giay-to-da-ky.pdf" }).WaitForAsync();
        });
        var (_, code) = await OnlineJourney.ApproveAsync(_host, id, "31A8000002", clerkOpened: async clerk =>
        {
            await clerk.Locator("[data-testid=scan-open]", new() { HasText = "giay-to-da-ky.pdf" }).First.ClickAsync();
            var verdict = clerk.Locator("[data-testid=scan-signature]");
            await verdict.WaitForAsync();
            (await verdict.InnerTextAsync()).ShouldContain("chữ ký số hợp lệ");
            (await verdict.InnerTextAsync()).ShouldContain("Trần Thị Bích");
            await clerk.ShotAsync("s1b-clerk-sees-the-signature-of-a-citizens-file");
        });

        // The leader signs at the signing step: the result is signed with the stored certificate before the dossier moves.
        var leader = await Browser.NewPageAsync(_host);
        await leader.SignInAsync("ys.leader");
        await leader.GoAsync($"/can-bo/ho-so/{id}");
        await leader.RunActionAsync("sign");
        (await _host.Db(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM procedures.signed_results WHERE dossier_id = {id}").SingleAsync()))
            .ShouldBe(1);

        // The citizen downloads the signed result from "my dossiers".
        await citizen.GoAsync("/cong-dan/ho-so");
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.Locator("[data-testid=signed-result-download]").ClickAsync());
        download.SuggestedFilename.ShouldBe($"ket-qua-{code}.pdf");
        var path = Path.Combine(Path.GetTempPath(), $"iso-ui-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        await citizen.ShotAsync("s2-my-dossiers-signed-result");

        // The same file by the tracking code and the second factor, on a phone, without an account.
        var phone = await Browser.NewPageAsync(_host, phone: true);
        await phone.GoAsync($"/tra-cuu?ma-ho-so={Uri.EscapeDataString(code)}");
        await phone.FillFieldAsync("track-factor", Phone[^4..]);
        await phone.Locator("[data-testid=track-submit]").ClickAsync();
        var tracked = await phone.RunAndWaitForDownloadAsync(() => phone.Locator("[data-testid=tracking-download]").ClickAsync());
        var trackedPath = path + ".tracked.pdf";
        await tracked.SaveAsAsync(trackedPath);
        (await File.ReadAllBytesAsync(trackedPath)).ShouldBe(await File.ReadAllBytesAsync(path));

        // Anyone checks it on the verification page: valid, the signer's name, the dossier's code.
        var verifier = await Browser.NewPageAsync(_host);
        await verifier.GoAsync("/xac-thuc");
        await verifier.Locator("[data-testid=verify-file]").SetInputFilesAsync(path);
        (await verifier.Locator("[data-testid=verification-verdict]").InnerTextAsync()).ShouldStartWith("Chữ ký số hợp lệ");
        (await verifier.Locator("[data-testid=verification-signer]").InnerTextAsync()).ShouldBe("Nguyễn Văn An");
        (await verifier.Locator("[data-testid=verification-code]").InnerTextAsync()).ShouldBe(code);
        (await verifier.Locator("[data-testid=verification-long-term]").InnerTextAsync()).ShouldStartWith("Có"); // signed with its /DSS (PAdES B-LT)
        await verifier.ShotAsync("s3-verification-valid");
        File.Delete(path);
        File.Delete(trackedPath);
    }

    /// <summary>A paper signed by the deputy's certificate of the test PKI, as another agency would have issued it.</summary>
    private static async Task<byte[]> SignedPaperAsync(TestPki pki)
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
        var rendered = Procedures.Forms.FormRenderer.Render(new Procedures.Forms.ResultForm(
            new Procedures.Forms.FormAgency("UBND xã Đạ Tông", "UBND tỉnh Lâm Đồng", "000.00.07.H29", null, null, "Đạ Tông"),
            "000.00.07.H29-260302-0001", "Xác nhận cư trú", new Procedures.Forms.FormApplicant("Nguyễn Văn An", null, null, null, null),
            "Đã xác nhận.", "PHÓ CHỦ TỊCH", "Trần Thị Bích", at, new Uri("https://dichvucong.example.vn/xac-thuc")));
        var signed = await Procedures.Signatures.PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, "Xác nhận cư trú", "UBND xã Đạ Tông",
            Procedures.Signatures.LocalKey.Of(pki.Deputy, [pki.Authority]), at, CancellationToken.None);
        return signed.Value!;
    }
}
