using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Microsoft.Extensions.Configuration;
using Procedures.Forms;
using Procedures.Forms.Tests;
using Procedures.Tests.Signatures;
using Tests.Shared;

// Outside Procedures.Tests on purpose: signing and verifying need no database.
namespace Procedures.Signatures.Tests;

/// <summary>PAdES baseline (ETSI.CAdES.detached) by default, adbe.pkcs7.detached on request; both verify here and in pdfsig.</summary>
public sealed class When_the_sub_filter_is_chosen
{
    static readonly DateTimeOffset SignedAt = new(2026, 3, 10, 9, 30, 15, TimeSpan.FromHours(7));
    TestPki _pki = null!;
    SignatureVerifier _verifier = null!;

    [OneTimeSetUp]
    public void Pki()
    {
        _pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-sub-" + Guid.NewGuid().ToString("N")));
        _verifier = new SignatureVerifier(TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] }));
    }

    [OneTimeTearDown]
    public void Dispose() => _pki.Dispose();

    async Task<byte[]> SignAsync(PdfSubFilter subFilter)
    {
        var rendered = FormRenderer.Render(new ResultForm(FormSamples.Commune, FormSamples.Code, "Đăng ký thường trú", FormSamples.Applicant,
            "Đã giải quyết.", "CHỦ TỊCH", "Nguyễn Văn An", SignedAt, new Uri("https://dichvucong.lamdong.gov.vn/xac-thuc")));
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, $"Kết quả giải quyết hồ sơ {FormSamples.Code}", "UBND xã Đạ Tông",
            LocalKey.Of(_pki.Valid, [_pki.Authority]), SignedAt, CancellationToken.None, new PdfSigning(subFilter, null));
        signed.Error.ShouldBeNull();
        return signed.Value!;
    }

    static string[] SignedAttributeOids(byte[] pdf) =>
        [.. SignatureCms.Of(pdf).SignerInfos[0].SignedAttributes.Cast<CryptographicAttributeObject>().Select(a => a.Oid.Value!)];

    [Test]
    public async Task Should_sign_PAdES_baseline_with_the_signing_certificate_and_no_CMS_signing_time()
    {
        var pdf = await SignAsync(PdfSubFilter.CadesDetached);

        var report = _verifier.Verify(pdf);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.SubFilter.ShouldBe("ETSI.CAdES.detached");
        report.SignedAt.ShouldBe(SignedAt); // from the dictionary's /M
        SignedAttributeOids(pdf).ShouldContain(CmsSignature.SigningCertificateV2Oid);
        SignedAttributeOids(pdf).ShouldNotContain("1.2.840.113549.1.9.5");
    }

    [Test]
    public async Task Should_be_valid_for_pdfsig_as_ETSI_CAdES_detached()
    {
        var pdf = new PdfProbe(await SignAsync(PdfSubFilter.CadesDetached), "result-cades-pdfsig");

        var output = PdfProbe.Run("pdfsig", pdf.FilePath);

        output.ShouldContain("Signature Type: ETSI.CAdES.detached");
        output.ShouldContain("Signature is Valid.");
    }

    [Test]
    public async Task Should_still_sign_adbe_pkcs7_detached_with_the_CMS_signing_time()
    {
        var pdf = await SignAsync(PdfSubFilter.AdbePkcs7Detached);

        var report = _verifier.Verify(pdf);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.SubFilter.ShouldBe("adbe.pkcs7.detached");
        report.SignedAt.ShouldBe(SignedAt);
        SignedAttributeOids(pdf).ShouldContain("1.2.840.113549.1.9.5");
        var output = PdfProbe.Run("pdfsig", new PdfProbe(pdf, "result-adbe-pdfsig").FilePath);
        output.ShouldContain("Signature Type: adbe.pkcs7.detached");
        output.ShouldContain("Signature is Valid.");
    }

    [TestCase(null, PdfSubFilter.CadesDetached)]
    [TestCase("ETSI.CAdES.detached", PdfSubFilter.CadesDetached)]
    [TestCase("adbe.pkcs7.detached", PdfSubFilter.AdbePkcs7Detached)]
    public void Should_read_the_setting(string? value, PdfSubFilter expected) =>
        SignatureSettings.From(Config(value)).SubFilter.ShouldBe(expected);

    [Test]
    public void Should_refuse_an_unknown_setting_at_startup() =>
        Should.Throw<InvalidOperationException>(() => SignatureSettings.From(Config("adbe.x509.rsa_sha1")));

    static IConfiguration Config(string? subFilter) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Signatures:SubFilter"] = subFilter }).Build();
}
