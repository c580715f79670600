using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Dossiers;
using Procedures.Forms.Tests;
using Procedures.Signatures;
using Procedures.Tests.Dossiers;
using Tests.Shared;

namespace Procedures.Tests.Signatures;

/// <summary>The signing step with a signer configured: the result is signed before the dossier moves, or it does not move.</summary>
public sealed class When_the_leader_signs_the_result() : SigningTest("step")
{
    Task<string> Upload(X509Certificate2 certificate) => Upload(certificate, TestOrg.LeaderA);

    async Task<Guid> ReadyToSign()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();
        (await Submit(id)).Ok();
        (await Approve(id)).Ok().OpenSteps.ShouldBe(["sign"]);
        return id;
    }

    async Task ShouldNotHaveMoved(Guid id)
    {
        var dossier = await Load(id);
        dossier.Status.ShouldBe(DossierStatus.Processing);
        dossier.SignedBy.ShouldBeNull();
        (await SignedResults.FindAsync(DataSource, id, null, CancellationToken.None)).ShouldBeNull();
        (await Events(id)).ShouldNotContain(e => e.Kind == "Signed");
    }

    [Test]
    public async Task Should_store_a_signed_result_that_verifies()
    {
        (await Upload(Pki.Valid)).ShouldBe("ok");
        var id = await ReadyToSign();

        (await Sign(id)).Ok().Status.ShouldBe(DossierStatus.Finished);

        var stored = (await SignedResults.FindAsync(DataSource, id, null, CancellationToken.None)).ShouldNotBeNull();
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(stored.Content)));
        stored.SignedBy.ShouldBe(TestOrg.LeaderA);
        var report = Services.GetRequiredService<SignatureVerifier>().Verify(stored.Content);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.SignerName.ShouldBe("Nguyễn Văn An");
        report.DossierCode.ShouldBe((await Load(id)).Code);
        report.SignedAt.ShouldBe(Clock.GetUtcNow());
        (await Events(id)).Single(e => e.Kind == "Signed").Data!.ShouldContain(stored.Sha256);
        report.LongTermValidation.ShouldBeTrue();
        var dss = DssContents.Of(stored.Content).ShouldNotBeNull();
        dss.Certificates.Select(Convert.ToHexString).ShouldContain(Convert.ToHexString(Pki.Valid.RawData));
        dss.Certificates.Select(Convert.ToHexString).ShouldContain(Convert.ToHexString(Pki.Authority.RawData));
        dss.Crls.ShouldHaveSingleItem();
    }

    [Test]
    public async Task Should_store_a_result_without_validation_data_when_switched_off()
    {
        Settings.LongTermValidation = false;
        (await Upload(Pki.Valid)).ShouldBe("ok");
        var id = await ReadyToSign();

        (await Sign(id)).Ok().Status.ShouldBe(DossierStatus.Finished);

        var stored = (await SignedResults.FindAsync(DataSource, id, null, CancellationToken.None)).ShouldNotBeNull();
        DssContents.Of(stored.Content).ShouldBeNull();
        var report = Services.GetRequiredService<SignatureVerifier>().Verify(stored.Content);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.LongTermValidation.ShouldBeFalse();
        PdfProbe.Run("pdfsig", new PdfProbe(stored.Content, "step-without-validation-data").FilePath).ShouldNotContain("Not total document signed");
    }

    [Test]
    public async Task Should_refuse_to_store_an_expired_or_revoked_certificate()
    {
        (await Upload(Pki.Expired)).ShouldBe("certificate-expired");
        (await Upload(Pki.Revoked)).ShouldBe("certificate-revoked");
    }

    [Test]
    public async Task Should_not_move_when_the_certificate_has_since_expired()
    {
        (await Upload(Pki.Valid)).ShouldBe("ok");
        var id = await ReadyToSign();
        Clock.Set(new DateTimeOffset(2035, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));

        (await Sign(id)).Error!.Code.ShouldBe("certificate-expired");

        await ShouldNotHaveMoved(id);
    }

    [Test]
    public async Task Should_not_move_when_the_certificate_has_since_been_revoked()
    {
        Clock.Set(new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        (await Upload(Pki.Revoked)).ShouldBe("ok");
        Clock.Set(Tuesday9);
        var id = await ReadyToSign();

        var refused = (await Sign(id)).Error!;

        refused.Code.ShouldBe("certificate-revoked");
        refused.MessageVi.ShouldContain("thu hồi");
        await ShouldNotHaveMoved(id);
    }

    [Test]
    public async Task Should_not_move_without_a_certificate()
    {
        var id = await ReadyToSign();

        (await Sign(id)).Error!.Code.ShouldBe("no-signing-certificate");

        await ShouldNotHaveMoved(id);
    }

    [Test]
    public async Task Should_not_move_when_the_remote_signer_does_not_answer()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        SilentSigner(silent);
        var id = await ReadyToSign();

        var refused = (await Sign(id)).Error!;

        refused.Code.ShouldBe("signer-timeout");
        refused.MessageVi.ShouldContain("chưa được chuyển bước");
        await ShouldNotHaveMoved(id);
    }

    Task<TestSigningService> RemoteService(TimeSpan timeout) => RemoteSigner(TestOrg.LeaderA, timeout);

    [Test]
    public async Task Should_store_a_result_the_remote_service_signed_that_verifies_here_and_in_pdfsig()
    {
        await using var service = await RemoteService(TimeSpan.FromSeconds(20));
        var id = await ReadyToSign();

        (await Sign(id)).Ok().Status.ShouldBe(DossierStatus.Finished);

        service.Signed.ShouldBe(1);
        var stored = (await SignedResults.FindAsync(DataSource, id, null, CancellationToken.None)).ShouldNotBeNull();
        var report = Services.GetRequiredService<SignatureVerifier>().Verify(stored.Content);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.SignerName.ShouldBe("Nguyễn Văn An");
        report.DossierCode.ShouldBe((await Load(id)).Code);
        var pdfsig = PdfProbe.Run("pdfsig", new PdfProbe(stored.Content, "remote-signed").FilePath);
        pdfsig.ShouldContain("Signature is Valid.");
        pdfsig.ShouldContain("Nguyễn Văn An");
    }

    [Test]
    public async Task Should_not_lock_the_dossier_while_the_remote_service_signs_and_discard_a_signature_the_dossier_outran()
    {
        await using var service = await RemoteService(TimeSpan.FromSeconds(20));
        var id = await ReadyToSign();
        // While the official confirms on their device, the leader sends the dossier back from another window: with the
        // dossier's row locked during the call this would wait for the lock, and the signer would time out instead.
        service.BeforeSigning = async _ => (await SendBack(id, TestOrg.LeaderA)).Ok();

        var refused = (await Sign(id)).Error!;

        refused.Code.ShouldBe("signature-discarded");
        refused.MessageVi.ShouldContain("chữ ký vừa tạo đã bị hủy");
        service.Signed.ShouldBe(1);
        (await SignedResults.FindAsync(DataSource, id, null, CancellationToken.None)).ShouldBeNull();
        (await Load(id)).SignedBy.ShouldBeNull();
        var events = await Events(id);
        events.ShouldContain(e => e.Kind == "SentBack");
        events.ShouldNotContain(e => e.Kind == "Signed");
    }

    [Test]
    public async Task Should_store_a_result_timestamped_by_the_authority()
    {
        (await Upload(Pki.Valid)).ShouldBe("ok");
        await using var tsa = await TestTimestampAuthority.StartAsync(Pki.TimeStamping, Pki.Authority);
        tsa.Time = Clock.GetUtcNow().AddSeconds(1);
        Settings.Timestamp.Url = tsa.Url;
        var id = await ReadyToSign();

        (await Sign(id)).Ok().Status.ShouldBe(DossierStatus.Finished);

        tsa.Stamped.ShouldBe(1);
        var stored = (await SignedResults.FindAsync(DataSource, id, null, CancellationToken.None)).ShouldNotBeNull();
        var report = Services.GetRequiredService<SignatureVerifier>().Verify(stored.Content);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        report.Timestamp!.Valid.ShouldBeTrue();
        report.Timestamp.At.ShouldBe(tsa.Time);
        DssContents.Of(stored.Content)!.Certificates.Select(Convert.ToHexString).ShouldContain(Convert.ToHexString(Pki.TimeStamping.RawData)); // the authority's chain too
        PdfProbe.Run("pdfsig", new PdfProbe(stored.Content, "timestamped-step").FilePath).ShouldContain("Signature is Valid.");
    }

    [Test]
    public async Task Should_not_move_when_the_timestamp_authority_does_not_answer()
    {
        (await Upload(Pki.Valid)).ShouldBe("ok");
        await using var tsa = await TestTimestampAuthority.StartAsync(Pki.TimeStamping, Pki.Authority);
        tsa.Behaviour = TestTimestampAuthority.Answer.Hang;
        Settings.Timestamp.Url = tsa.Url;
        Settings.Timestamp.Timeout = TimeSpan.FromSeconds(1);
        var id = await ReadyToSign();

        var refused = (await Sign(id)).Error!;

        refused.Code.ShouldBe("timestamp-timeout");
        refused.MessageVi.ShouldContain("chưa được chuyển bước");
        await ShouldNotHaveMoved(id);
    }
}
