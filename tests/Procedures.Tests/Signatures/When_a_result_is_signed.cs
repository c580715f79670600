using Procedures.Forms;
using Procedures.Forms.Tests;
using Tests.Shared;

// Outside Procedures.Tests on purpose: signing and verifying need no database.
namespace Procedures.Signatures.Tests;

public sealed class When_a_result_is_signed
{
    static readonly DateTimeOffset SignedAt = new(2026, 3, 10, 9, 30, 15, TimeSpan.FromHours(7));
    TestPki _pki = null!;
    SignatureVerifier _verifier = null!;

    [OneTimeSetUp]
    public void Pki()
    {
        _pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-" + Guid.NewGuid().ToString("N")));
        _verifier = new SignatureVerifier(TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] }));
    }

    [OneTimeTearDown]
    public void Dispose() => _pki.Dispose();

    static ResultForm Form(string signer = "Nguyễn Văn An", string title = "CHỦ TỊCH") => new(
        FormSamples.Commune, FormSamples.Code, "Đăng ký thường trú", FormSamples.Applicant, "Đã giải quyết: đồng ý đăng ký thường trú.",
        title, signer, SignedAt, new Uri($"https://dichvucong.lamdong.gov.vn/xac-thuc?ma-ho-so={FormSamples.Code}"));

    async Task<byte[]> SignAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var rendered = FormRenderer.Render(Form());
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, $"Kết quả giải quyết hồ sơ {FormSamples.Code}", "UBND xã Đạ Tông",
            LocalKey.Of(certificate, [_pki.Authority]), SignedAt, CancellationToken.None);
        signed.Error.ShouldBeNull();
        return signed.Value!;
    }

    [Test]
    public async Task Should_verify_with_the_signer_the_time_and_the_dossier_code()
    {
        var report = _verifier.Verify(await SignAsync(_pki.Valid));

        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.SignerName.ShouldBe("Nguyễn Văn An");
        report.SignerTitle.ShouldBe("Chủ tịch");
        report.SignerUnit.ShouldBe("UBND xã Đạ Tông");
        report.SignedAt.ShouldBe(SignedAt);
        report.DossierCode.ShouldBe(FormSamples.Code);
    }

    [Test]
    public async Task Should_show_the_stamp_and_keep_the_text()
    {
        var pdf = new PdfProbe(await SignAsync(_pki.Valid), "result-signed");

        pdf.ShouldShow("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", FormSamples.Code, "Ký bởi: Nguyễn Văn An", "Thời gian ký: 09:30:15 10/03/2026");
    }

    [Test]
    public async Task Should_detect_a_one_byte_change()
    {
        var bytes = await SignAsync(_pki.Valid);
        var at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("/Creator", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        bytes[at + 1] = (byte)'D'; // "/Dreator": one byte of the document information, inside the signed ranges

        var report = _verifier.Verify(bytes);

        report.Signed.ShouldBeTrue();
        report.DocumentUnchanged.ShouldBeFalse();
        report.Valid.ShouldBeFalse();
    }

    [Test]
    public async Task Should_report_an_unsigned_pdf_as_unsigned()
    {
        var report = _verifier.Verify(FormRenderer.Render(Form()).Pdf);

        report.Signed.ShouldBeFalse();
        report.Valid.ShouldBeFalse();
        await Task.CompletedTask;
    }

    [Test]
    public void Should_refuse_an_expired_certificate() =>
        TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] })
            .Check(_pki.Expired, [], SignedAt)!.Code.ShouldBe("certificate-expired");

    [Test]
    public void Should_refuse_a_revoked_certificate() =>
        TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] })
            .Check(_pki.Revoked, [], SignedAt)!.Code.ShouldBe("certificate-revoked");

    [Test]
    public async Task Should_flag_a_revoked_signer_when_verifying()
    {
        var report = _verifier.Verify(await SignAsync(_pki.Revoked));

        report.SignatureValid.ShouldBeTrue();
        report.CertificateProblem!.Code.ShouldBe("certificate-revoked");
        report.Valid.ShouldBeFalse();
    }

    [Test]
    public async Task Should_be_valid_for_pdfsig()
    {
        var pdf = new PdfProbe(await SignAsync(_pki.Valid), "result-pdfsig");

        var output = PdfProbe.Run("pdfsig", pdf.FilePath);

        output.ShouldContain("Signature is Valid.");
        output.ShouldContain("Nguyễn Văn An");
    }
}
