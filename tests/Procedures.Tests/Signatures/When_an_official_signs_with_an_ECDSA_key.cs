using System.Security.Cryptography.X509Certificates;
using Procedures.Forms;
using Procedures.Forms.Tests;
using Procedures.Tests.Signatures;
using Tests.Shared;

// Outside Procedures.Tests on purpose: signing and verifying need no database.
namespace Procedures.Signatures.Tests;

/// <summary>An official whose certificate has an ECDSA P-256 key: the CMS's signature algorithm follows the key.</summary>
public sealed class When_an_official_signs_with_an_ECDSA_key
{
    const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";
    const string RsaEncryption = "1.2.840.113549.1.1.1";
    static readonly DateTimeOffset SignedAt = new(2026, 3, 10, 9, 30, 15, TimeSpan.FromHours(7));
    TestPki _pki = null!;
    SignatureVerifier _verifier = null!;

    [OneTimeSetUp]
    public void Pki()
    {
        _pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-ec-" + Guid.NewGuid().ToString("N")));
        _verifier = new SignatureVerifier(TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] }));
    }

    [OneTimeTearDown]
    public void Dispose() => _pki.Dispose();

    async Task<byte[]> SignAsync(X509Certificate2 certificate, SigningKey? key = null)
    {
        var rendered = FormRenderer.Render(new ResultForm(FormSamples.Commune, FormSamples.Code, "Đăng ký thường trú", FormSamples.Applicant,
            "Đã giải quyết.", "CHỦ TỊCH", "Võ Thị Hoa", SignedAt, new Uri("https://dichvucong.lamdong.gov.vn/xac-thuc")));
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, $"Kết quả giải quyết hồ sơ {FormSamples.Code}", "UBND xã Đạ Tông",
            key ?? LocalKey.Of(certificate, [_pki.Authority]), SignedAt, CancellationToken.None);
        signed.Error.ShouldBeNull();
        return signed.Value!;
    }

    [Test]
    public async Task Should_sign_with_ECDSA_and_SHA_256_and_verify()
    {
        var pdf = await SignAsync(_pki.Ecdsa);

        SignatureCms.Of(pdf).SignerInfos[0].SignatureAlgorithm.Value.ShouldBe(EcdsaWithSha256);
        var report = _verifier.Verify(pdf);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.SignerName.ShouldBe("Võ Thị Hoa");
        report.DossierCode.ShouldBe(FormSamples.Code);
    }

    [Test]
    public async Task Should_keep_RSA_for_an_RSA_key() =>
        SignatureCms.Of(await SignAsync(_pki.Valid)).SignerInfos[0].SignatureAlgorithm.Value.ShouldBe(RsaEncryption);

    [Test]
    public async Task Should_accept_a_DER_encoded_signature_from_a_remote_device()
    {
        using var ecdsa = _pki.Ecdsa.GetECDsaPrivateKey()!;
        var device = new SigningKey(_pki.Ecdsa, [_pki.Authority], (hash, _) =>
            Task.FromResult(Common.DomainResult<byte[]>.Ok(ecdsa.SignHash(hash, System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence))));

        var report = _verifier.Verify(await SignAsync(_pki.Ecdsa, device));

        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
    }

    [Test]
    public async Task Should_refuse_a_signature_made_with_another_key()
    {
        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var device = new SigningKey(_pki.Ecdsa, [_pki.Authority], (hash, _) => Task.FromResult(Common.DomainResult<byte[]>.Ok(other.SignHash(hash))));
        var rendered = FormRenderer.Render(new ResultForm(FormSamples.Commune, FormSamples.Code, "Đăng ký thường trú", FormSamples.Applicant,
            "Đã giải quyết.", "CHỦ TỊCH", "Võ Thị Hoa", SignedAt, new Uri("https://dichvucong.lamdong.gov.vn/xac-thuc")));

        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, "Kết quả", "UBND xã Đạ Tông", device, SignedAt, CancellationToken.None);

        signed.Error!.Code.ShouldBe("signer-wrong-key");
    }

    [Test]
    public async Task Should_be_valid_for_pdfsig()
    {
        var output = PdfProbe.Run("pdfsig", new PdfProbe(await SignAsync(_pki.Ecdsa), "ecdsa-pdfsig").FilePath);

        output.ShouldContain("Signature is Valid.");
        output.ShouldContain("Võ Thị Hoa");
        output.ShouldContain("ECDSA", Case.Insensitive);
    }
}
