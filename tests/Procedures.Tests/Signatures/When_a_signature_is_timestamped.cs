using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Procedures.Forms;
using Procedures.Forms.Tests;
using Procedures.Tests.Signatures;
using Tests.Shared;

// Outside Procedures.Tests on purpose: signing and verifying need no database.
namespace Procedures.Signatures.Tests;

/// <summary>The signature carries an RFC 3161 token from a local authority, or the signing is refused; the verifier checks the token.</summary>
public sealed class When_a_signature_is_timestamped
{
    static readonly DateTimeOffset SignedAt = new(2026, 3, 10, 9, 30, 15, TimeSpan.FromHours(7));
    TestPki _pki = null!;
    TestPki _foreign = null!;
    TestTimestampAuthority _tsa = null!;
    SignatureVerifier _verifier = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _pki = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-tsa-" + Guid.NewGuid().ToString("N")));
        _foreign = new TestPki(Path.Combine(Path.GetTempPath(), "iso-pki-foreign-" + Guid.NewGuid().ToString("N")));
        _tsa = await TestTimestampAuthority.StartAsync(_pki.TimeStamping, _pki.Authority);
        _verifier = new SignatureVerifier(TrustStore.Load(new SignatureSettings { TrustedCertificateFiles = [_pki.AuthorityFile], CrlFiles = [_pki.CrlFile] }));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _tsa.DisposeAsync();
        _pki.Dispose();
        _foreign.Dispose();
    }

    [SetUp]
    public void Reset() => _tsa.Behaviour = TestTimestampAuthority.Answer.Token;

    TimestampAuthority Authority(string url, double timeoutSeconds = 5) => new(new HttpClient(),
        new SignatureSettings { Timestamp = new TimestampSettings { Url = url, Timeout = TimeSpan.FromSeconds(timeoutSeconds) } });

    async Task<Common.DomainResult<byte[]>> SignAsync(TimestampAuthority? tsa, PdfSubFilter subFilter = PdfSubFilter.CadesDetached)
    {
        var rendered = FormRenderer.Render(new ResultForm(FormSamples.Commune, FormSamples.Code, "Đăng ký thường trú", FormSamples.Applicant,
            "Đã giải quyết.", "CHỦ TỊCH", "Nguyễn Văn An", SignedAt, new Uri("https://dichvucong.lamdong.gov.vn/xac-thuc")));
        return await PdfSigner.SignAsync(rendered.Pdf, rendered.Stamp, $"Kết quả giải quyết hồ sơ {FormSamples.Code}", "UBND xã Đạ Tông",
            LocalKey.Of(_pki.Valid, [_pki.Authority]), SignedAt, CancellationToken.None, new PdfSigning(subFilter, tsa));
    }

    [Test]
    public async Task Should_carry_the_authority_time_and_verify_the_token()
    {
        var signed = await SignAsync(Authority(_tsa.Url));

        signed.Error.ShouldBeNull();
        var report = _verifier.Verify(signed.Value!);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.Timestamp.ShouldNotBeNull();
        report.Timestamp.Valid.ShouldBeTrue();
        report.Timestamp.At.ShouldBe(_tsa.Time);
        report.Timestamp.Authority.ShouldBe("Máy chủ dấu thời gian thử nghiệm");
        report.SignedAt.ShouldBe(_tsa.Time);
    }

    [Test]
    public async Task Should_stamp_the_hash_of_the_signature_value()
    {
        var signed = (await SignAsync(Authority(_tsa.Url))).Value!;

        var signer = SignatureCms.Of(signed).SignerInfos[0];
        var token = signer.UnsignedAttributes.Cast<CryptographicAttributeObject>().Single(a => a.Oid.Value == TimestampAuthority.SignatureTimeStampTokenOid);
        Rfc3161TimestampToken.TryDecode(token.Values[0].RawData, out var decoded, out _).ShouldBeTrue();
        decoded!.TokenInfo.GetMessageHash().ToArray()
            .ShouldBe(System.Security.Cryptography.SHA256.HashData(signer.GetSignature()));
    }

    [Test]
    public async Task Should_be_valid_for_pdfsig()
    {
        var pdf = new PdfProbe((await SignAsync(Authority(_tsa.Url))).Value!, "result-timestamped-pdfsig");

        var output = PdfProbe.Run("pdfsig", pdf.FilePath);

        output.ShouldContain("Signature is Valid.");
        output.ShouldContain("ETSI.CAdES.detached");
    }

    [Test]
    public async Task Should_refuse_cleanly_when_the_authority_does_not_answer_in_time()
    {
        _tsa.Behaviour = TestTimestampAuthority.Answer.Hang;

        var signed = await SignAsync(Authority(_tsa.Url, timeoutSeconds: 1));

        signed.Error!.Code.ShouldBe("timestamp-timeout");
        signed.Value.ShouldBeNull();
    }

    [Test]
    public async Task Should_refuse_cleanly_when_the_authority_answers_garbage()
    {
        _tsa.Behaviour = TestTimestampAuthority.Answer.Garbage;

        (await SignAsync(Authority(_tsa.Url))).Error!.Code.ShouldBe("timestamp-refused");
    }

    [Test]
    public async Task Should_refuse_a_token_over_another_hash()
    {
        _tsa.Behaviour = TestTimestampAuthority.Answer.WrongImprint;

        (await SignAsync(Authority(_tsa.Url))).Error!.Code.ShouldBe("timestamp-refused");
    }

    [Test]
    public async Task Should_refuse_cleanly_when_nothing_listens()
    {
        var signed = await SignAsync(Authority($"http://127.0.0.1:{LoopbackPorts.Free()}/tsa"));

        signed.Error!.Code.ShouldBe("timestamp-refused");
    }

    [Test]
    public async Task Should_flag_a_token_from_an_authority_nobody_trusts()
    {
        await using var foreign = await TestTimestampAuthority.StartAsync(_foreign.TimeStamping, _foreign.Authority);

        var report = _verifier.Verify((await SignAsync(Authority(foreign.Url))).Value!);

        report.SignatureValid.ShouldBeTrue();
        report.Timestamp!.Valid.ShouldBeFalse();
        report.Valid.ShouldBeFalse();
        report.SignedAt.ShouldBe(SignedAt); // the claimed time, not the untrusted stamp
    }

    [Test]
    public async Task Should_sign_on_the_server_clock_alone_without_an_authority()
    {
        var report = _verifier.Verify((await SignAsync(null)).Value!);

        report.Valid.ShouldBeTrue();
        report.Timestamp.ShouldBeNull();
        report.SignedAt.ShouldBe(SignedAt);
    }
}
