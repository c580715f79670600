using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Common;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Forms.Tests;
using Procedures.Signatures;
using Procedures.Tests.Dossiers;
using Tests.Shared;

namespace Procedures.Tests.Signatures;

/// <summary>
/// With a signer configured, the refusal (Form 03) and the apology with a new appointment (Form 04) are signed by the official
/// who issues them, before the dossier moves, and stored with it; a signer that refuses or does not answer changes nothing.
/// </summary>
public sealed class When_an_official_issues_a_signed_form() : SigningTest("forms")
{

    async Task<Guid> BeingProcessed()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var id = (await ReceiveComplete()).DossierId;
        Clock.Set(Vn(2026, 3, 3, 9, 30));
        (await Assign(id)).Ok();
        return id;
    }

    Task<SignedResult?> Stored(Guid id, string? kind) => SignedResults.FindAsync(DataSource, id, null, CancellationToken.None, kind);

    SignatureReport Verified(SignedResult stored)
    {
        stored.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(stored.Content)));
        var report = Services.GetRequiredService<SignatureVerifier>().Verify(stored.Content);
        report.Valid.ShouldBeTrue(report.CertificateProblem?.MessageEn);
        PdfProbe.Run("pdfsig", new PdfProbe(stored.Content, "signed-" + stored.Kind).FilePath).ShouldContain("Signature is Valid.");
        report.LongTermValidation.ShouldBeTrue();
        DssContents.Of(stored.Content).ShouldNotBeNull().Crls.ShouldHaveSingleItem();
        return report;
    }

    [Test]
    public async Task Should_sign_the_refusal_by_the_refusing_official_and_offer_it_as_Form_03()
    {
        (await Upload(Pki.Valid, TestOrg.SpecialistA)).ShouldBe("ok");
        var id = await BeingProcessed();

        (await Refuse(id, TestOrg.SpecialistA)).Ok().Status.ShouldBe(DossierStatus.Stopped);

        var stored = (await Stored(id, SignedKinds.Refusal)).ShouldNotBeNull();
        stored.SignedBy.ShouldBe(TestOrg.SpecialistA);
        var report = Verified(stored);
        report.SignerName.ShouldBe("Nguyễn Văn An");
        report.SignedAt.ShouldBe(Clock.GetUtcNow());
        report.DossierCode.ShouldBe((await Load(id)).Code);
        new PdfProbe(stored.Content, "signed-refusal-text").ShouldShow("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Ngành nghề kinh doanh bị cấm",
            "Ký bởi:", "Thời gian ký: 09:30:00 03/03/2026");
        (await Events(id)).Last(e => e.Kind == "Refused").Data!.ShouldContain(stored.Sha256);
        (await Stored(id, SignedKinds.Result)).ShouldBeNull();
        var form = (await Run<DossierDocuments, DomainResult<GeneratedDocument>>(d => d.RefusalAsync(id, TestOrg.SpecialistA))).Ok();
        form.Content.ShouldBe(stored.Content);
    }

    [Test]
    public async Task Should_sign_the_apology_by_the_leader_and_offer_it_as_Form_04()
    {
        (await Upload(Pki.Valid, TestOrg.LeaderA)).ShouldBe("ok");
        var id = await BeingProcessed();
        Clock.Set(Vn(2026, 3, 9, 9));

        (await Apologise(id, new DateOnly(2026, 3, 13))).Ok().AppointmentAt.ShouldBe(Vn(2026, 3, 13, 17));

        var stored = (await Stored(id, SignedKinds.Apology)).ShouldNotBeNull();
        stored.SignedBy.ShouldBe(TestOrg.LeaderA);
        var report = Verified(stored);
        report.SignedAt.ShouldBe(Vn(2026, 3, 9, 9));
        report.DossierCode.ShouldBe((await Load(id)).Code);
        new PdfProbe(stored.Content, "signed-apology-text").ShouldShow("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Chờ xác minh thực địa",
            "Thời gian ký: 09:00:00 09/03/2026");
        (await Events(id)).Last().Data!.ShouldContain(stored.Sha256);
        var form = (await Run<DossierDocuments, DomainResult<GeneratedDocument>>(d => d.ApologyAsync(id, TestOrg.LeaderA))).Ok();
        form.Content.ShouldBe(stored.Content);
    }

    [Test]
    public async Task Should_leave_the_dossier_as_it_was_when_the_signer_does_not_answer_a_refusal()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        SilentSigner(silent);
        var id = await BeingProcessed();
        var before = await Load(id);

        var refused = (await Refuse(id, TestOrg.SpecialistA)).Error!;

        refused.Code.ShouldBe("signer-timeout");
        refused.MessageVi.ShouldContain("chưa được chuyển bước");
        var after = await Load(id);
        (after.Status, after.Result, after.Revision).ShouldBe((DossierStatus.Processing, before.Result, before.Revision));
        (await Events(id)).ShouldNotContain(e => e.Kind == "Refused");
        (await Stored(id, null)).ShouldBeNull();
    }

    [Test]
    public async Task Should_leave_the_dossier_as_it_was_when_the_signer_does_not_answer_an_apology()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        SilentSigner(silent);
        var id = await BeingProcessed();
        Clock.Set(Vn(2026, 3, 9, 9));
        var before = await Load(id);

        (await Apologise(id, new DateOnly(2026, 3, 13))).Error!.Code.ShouldBe("signer-timeout");

        var after = await Load(id);
        (after.AppointmentAt, after.ApologyAt, after.Revision).ShouldBe((before.AppointmentAt, null, before.Revision));
        (await Events(id)).ShouldNotContain(e => e.Kind == "Apologised");
        (await Stored(id, null)).ShouldBeNull();
    }

    [Test]
    public async Task Should_leave_the_dossier_as_it_was_when_the_official_has_no_certificate()
    {
        var id = await BeingProcessed();

        (await Refuse(id, TestOrg.SpecialistA)).Error!.Code.ShouldBe("no-signing-certificate");

        (await Load(id)).Status.ShouldBe(DossierStatus.Processing);
        (await Stored(id, null)).ShouldBeNull();
    }

    [Test]
    public async Task Should_check_the_rules_before_asking_for_a_signature()
    {
        await using var service = await RemoteSigner(TestOrg.LeaderA);
        var id = await BeingProcessed();
        Clock.Set(Vn(2026, 3, 9, 9));

        (await Apologise(id, new DateOnly(2026, 3, 14))).Fails(ErrorKind.Invalid, "newAppointmentDate"); // a Saturday

        service.Signed.ShouldBe(0);
        (await Stored(id, null)).ShouldBeNull();
    }

    [Test]
    public async Task Should_discard_the_signature_when_the_dossier_moved_while_signing()
    {
        await using var service = await RemoteSigner(TestOrg.SpecialistA, TimeSpan.FromSeconds(20));
        var id = await BeingProcessed();
        service.BeforeSigning = async _ => (await Submit(id)).Ok();

        (await Refuse(id, TestOrg.SpecialistA)).Error!.Code.ShouldBe("signature-discarded");

        service.Signed.ShouldBe(1);
        (await Events(id)).ShouldNotContain(e => e.Kind == "Refused");
        (await Stored(id, null)).ShouldBeNull();
    }
}
