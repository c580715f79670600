using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Procedures.Forms;
using Procedures.Forms.Tests;
using Procedures.Tests.Signatures;
using Tests.Shared;

// Outside Procedures.Tests on purpose: signing and verifying need no database.
namespace Procedures.Signatures.Tests;

/// <summary>
/// Long-term validation data (PAdES B-LT): the chain and the revocation list added after signing in a /DSS, so the document
/// can be checked offline without the configured lists; only such data may follow the signed revision.
/// </summary>
public sealed partial class When_a_signed_document_carries_validation_data
{
    static readonly DateTimeOffset SignedAt = new(2026, 3, 10, 9, 30, 15, TimeSpan.FromHours(7));
    TestPki _pki = null!;
    TrustStore _withLists = null!;
    SignatureVerifier _withoutLists = null!;

    [OneTimeSetUp]
    public void Pki()
    {
        _pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-lt-" + Guid.NewGuid().ToString("N")));
        _withLists = TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] });
        _withoutLists = new SignatureVerifier(TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile] }));
    }

    [OneTimeTearDown]
    public void Dispose() => _pki.Dispose();

    async Task<byte[]> SignAsync(X509Certificate2 certificate, bool longTerm = true)
    {
        var rendered = FormRenderer.Render(new ResultForm(FormSamples.Commune, FormSamples.Code, "Đăng ký thường trú", FormSamples.Applicant,
            "Đã giải quyết.", "CHỦ TỊCH", certificate.GetNameInfo(X509NameType.SimpleName, false), SignedAt,
            new Uri("https://dichvucong.lamdong.gov.vn/xac-thuc")));
        var signed = await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, $"Kết quả giải quyết hồ sơ {FormSamples.Code}", "UBND xã Đạ Tông",
            LocalKey.Of(certificate, [_pki.Authority]), SignedAt, CancellationToken.None);
        signed.Error.ShouldBeNull();
        return longTerm ? ValidationData.Add(signed.Value!, _withLists, SignedAt) : signed.Value!;
    }

    [Test]
    public async Task Should_carry_the_chain_and_the_revocation_list_in_the_DSS()
    {
        var dss = DssContents.Of(await SignAsync(_pki.Valid)).ShouldNotBeNull();

        dss.Certificates.Select(c => X509CertificateLoader.LoadCertificate(c).Thumbprint).ShouldBe([_pki.Valid.Thumbprint, _pki.Authority.Thumbprint],
            ignoreOrder: true);
        dss.Crls.Count.ShouldBe(1);
        dss.Crls[0].ShouldBe(new Org.BouncyCastle.X509.X509CrlParser().ReadCrl(File.ReadAllBytes(_pki.CrlFile)).GetEncoded());
        dss.VriKeys.ShouldHaveSingleItem().ShouldMatch("^/[0-9A-F]{40}$");
    }

    [Test]
    public async Task Should_keep_the_signed_bytes_and_add_only_after_them()
    {
        var signed = await SignAsync(_pki.Valid, longTerm: false);
        var withData = ValidationData.Add(signed, _withLists, SignedAt);

        withData.AsSpan(0, signed.Length).SequenceEqual(signed).ShouldBeTrue();
        withData.Length.ShouldBeGreaterThan(signed.Length);
    }

    [TestCase("rsa")]
    [TestCase("ecdsa")]
    public async Task Should_be_valid_for_pdfsig(string key)
    {
        var pdf = new PdfProbe(await SignAsync(key == "rsa" ? _pki.Valid : _pki.Ecdsa), "long-term-" + key);

        var output = PdfProbe.Run("pdfsig", pdf.FilePath);

        output.ShouldContain("Signature is Valid.");
        output.ShouldContain("Not total document signed"); // the /DSS update follows the signed revision, as in any B-LT file
        PdfProbe.Run("pdftotext", pdf.FilePath, "-").ShouldContain(FormSamples.Code);
    }

    [Test]
    public async Task Should_verify_with_the_embedded_list_when_no_list_is_configured_and_say_so()
    {
        var report = _withoutLists.Verify(await SignAsync(_pki.Valid));

        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.DocumentUnchanged.ShouldBeTrue();
        report.LongTermValidation.ShouldBeTrue();
        report.EmbeddedValidationDataUsed.ShouldBeTrue();
    }

    [Test]
    public async Task Should_prefer_a_current_configured_list_over_the_embedded_one()
    {
        var report = new SignatureVerifier(_withLists).Verify(await SignAsync(_pki.Valid));

        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.LongTermValidation.ShouldBeTrue();
        report.EmbeddedValidationDataUsed.ShouldBeFalse();
    }

    [Test]
    public async Task Should_use_the_embedded_list_when_the_configured_one_is_past_its_next_update()
    {
        var stale = Path.Combine(_pki.Folder, "stale.crl");
        File.WriteAllBytes(stale, new System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder().Build(_pki.Authority,
            System.Numerics.BigInteger.One, new DateTimeOffset(2026, 1, 20, 0, 0, 0, TimeSpan.Zero), System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.RSASignaturePadding.Pkcs1, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var verifier = new SignatureVerifier(TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [stale] }));

        var report = verifier.Verify(await SignAsync(_pki.Revoked));

        report.EmbeddedValidationDataUsed.ShouldBeTrue();
        report.CertificateProblem!.Code.ShouldBe("certificate-revoked"); // the stale list does not name it; the embedded one does
    }

    [Test]
    public async Task Should_report_a_signer_revoked_in_the_embedded_list_as_revoked()
    {
        var report = _withoutLists.Verify(await SignAsync(_pki.Revoked));

        report.SignatureValid.ShouldBeTrue();
        report.CertificateProblem!.Code.ShouldBe("certificate-revoked");
        report.EmbeddedValidationDataUsed.ShouldBeTrue();
        report.Valid.ShouldBeFalse();
    }

    [Test]
    public async Task Should_not_trust_an_embedded_list_signed_by_another_authority()
    {
        using var other = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-other-" + Guid.NewGuid().ToString("N")));
        var signed = await SignAsync(_pki.Revoked, longTerm: false);
        // The other authority's list has the same issuer name but its own key: it must say nothing about this signer.
        var forged = ValidationData.Add(signed, TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [other.CrlFile] }),
            SignedAt);

        var report = _withoutLists.Verify(forged);

        report.EmbeddedValidationDataUsed.ShouldBeFalse();
        report.LongTermValidation.ShouldBeTrue();
    }

    [Test]
    public async Task Should_accept_a_later_update_that_adds_only_validation_data()
    {
        var pdf = await SignAsync(_pki.Valid);
        var size = int.Parse(Size().Matches(Encoding.Latin1.GetString(pdf))[^1].Groups[1].Value);

        var report = _withoutLists.Verify(DssContents.AppendUpdate(pdf,
            new Dictionary<int, string> { [size] = "<< /Type /VRI /TU (D:20300101000000Z) >>" }, size + 1));

        report.DocumentUnchanged.ShouldBeTrue();
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
    }

    [Test]
    public async Task Should_report_a_later_update_that_changes_a_page_as_changed()
    {
        var pdf = await SignAsync(_pki.Valid);
        var text = Encoding.Latin1.GetString(pdf);
        var page = PageObject().Match(text);
        page.Success.ShouldBeTrue();
        var dictionary = text[text.IndexOf("<<", page.Index, StringComparison.Ordinal)..(text.IndexOf("endobj", page.Index, StringComparison.Ordinal))].TrimEnd();
        var rotated = dictionary[..^2] + " /Rotate 90 >>";

        var report = _withoutLists.Verify(DssContents.AppendUpdate(pdf, new Dictionary<int, string> { [int.Parse(page.Groups[1].Value)] = rotated }, 0));

        report.Signed.ShouldBeTrue();
        report.DocumentUnchanged.ShouldBeFalse();
        report.Valid.ShouldBeFalse();
    }

    [Test]
    public async Task Should_report_a_later_update_that_adds_an_object_other_than_validation_data_as_changed()
    {
        var pdf = await SignAsync(_pki.Valid);
        var size = int.Parse(Size().Matches(Encoding.Latin1.GetString(pdf))[^1].Groups[1].Value);

        var report = _withoutLists.Verify(DssContents.AppendUpdate(pdf,
            new Dictionary<int, string> { [size] = "<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (Đã sửa) >>" }, size + 1));

        report.DocumentUnchanged.ShouldBeFalse();
        report.Valid.ShouldBeFalse();
    }

    [Test]
    public async Task Should_report_a_later_catalog_with_another_entry_than_the_DSS_as_changed()
    {
        var pdf = await SignAsync(_pki.Valid);
        var text = Encoding.Latin1.GetString(pdf);
        var catalog = CatalogObject().Matches(text)[^1];
        var dictionary = text[text.IndexOf("<<", catalog.Index, StringComparison.Ordinal)..(text.IndexOf("endobj", catalog.Index, StringComparison.Ordinal))].TrimEnd();

        var report = _withoutLists.Verify(DssContents.AppendUpdate(pdf,
            new Dictionary<int, string> { [int.Parse(catalog.Groups[1].Value)] = dictionary[..^2] + " /OpenAction [3 0 R /Fit] >>" }, 0));

        report.DocumentUnchanged.ShouldBeFalse();
    }

    [TestCase("99999999999999 0 obj\n<< /Length 5 >>\nstream\nabcde\nendstream\nendobj\n")]
    [TestCase("% a comment\n")]
    [TestCase("90 0 obj\n<< /Length -4 >>\nstream\n")]
    [TestCase("xref\n0 99999999999\n")]
    [TestCase("90 0 obj\n<< /Type /DSS /Certs [ (unclosed")]
    public async Task Should_report_bytes_that_are_no_update_after_the_signed_range_as_changed(string tail)
    {
        var pdf = await SignAsync(_pki.Valid);

        var report = _withoutLists.Verify([.. pdf, .. Encoding.Latin1.GetBytes(tail)]);

        report.Signed.ShouldBeTrue();
        report.DocumentUnchanged.ShouldBeFalse();
    }

    [Test]
    public async Task Should_detect_a_one_byte_change_inside_the_signed_range()
    {
        var bytes = await SignAsync(_pki.Valid);
        var at = Encoding.Latin1.GetString(bytes).IndexOf("/Creator", StringComparison.Ordinal);
        bytes[at + 1] = (byte)'D';

        var report = _withoutLists.Verify(bytes);

        report.DocumentUnchanged.ShouldBeFalse();
        report.Valid.ShouldBeFalse();
    }

    [Test]
    public async Task Should_verify_without_validation_data_as_before()
    {
        var pdf = await SignAsync(_pki.Valid, longTerm: false);

        DssContents.Of(pdf).ShouldBeNull();
        var report = new SignatureVerifier(_withLists).Verify(pdf);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.LongTermValidation.ShouldBeFalse();
        report.EmbeddedValidationDataUsed.ShouldBeFalse();
    }

    [GeneratedRegex(@"(?<![0-9])(\d+) 0 obj\s*<<\s*/Type\s*/Page\b(?!s)")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"(?<![0-9])(\d+) 0 obj\s*<<\s*/Type\s*/Catalog")]
    private static partial Regex CatalogObject();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex Size();
}
