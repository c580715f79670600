using System.Text.Json;
using Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Catalogue;
using Procedures.Dossiers;
using Procedures.Organisation;
using Tests.Shared;
using Worker.Delivery;
using Worker.Messaging;
using Worker.Tests.Notifications;

namespace Worker.Tests.Delivery;

/// <summary>
/// A dossier ended by the supplement sweep tells the citizen with its own closure notice (what happened, the legal basis, that
/// they may submit again), through the outbox and a real SMTP server; it used to send the refusal template's words.
/// </summary>
public sealed class When_a_dossier_is_closed_for_a_missing_supplement : EmailedTest
{
    private static readonly Actor Admin = new(Guid.NewGuid(), "admin", "Quản trị hệ thống", null,
        [new ActorMembership(Guid.NewGuid(), "000.00.00.H29", "/", [Role.SystemAdmin])]);

    private Province _province = null!;

    [SetUp]
    public async Task SeedProvince() => _province = await Province.SeedAsync(Services);

    /// <summary>Waiting for the supplement asked on Tuesday 3 March, due Tuesday 17 March 17:00; the sweep runs the next morning.</summary>
    private async Task<MimeKit.MimeMessage> SweptAndMailedAsync()
    {
        var dossier = await _province.AddDossierAsync(Services, "000.01.31.H29-260303-0009", _province.CommuneA, Tuesday9, At(2026, 3, 10, 17, 0),
            DossierStatus.SupplementRequested);
        await ExecuteAsync("UPDATE procedures.dossiers SET supplement_due_at = $2, supplement_requested_at = $3, missing_items = $4 WHERE id = $1",
            dossier.Id, At(2026, 3, 17, 17, 0), Tuesday9, new[] { "Sơ đồ vị trí" });
        Clock.Set(At(2026, 3, 18, 8, 0));
        (await With<StopUnsuppliedDossiers, IReadOnlyList<UnsuppliedDossier>>(s => s.HandleAsync())).ShouldHaveSingleItem();

        (await Scalar<long>("SELECT count(*) FROM engine.outbox WHERE type = $1", typeof(DossierRefused).FullName!)).ShouldBe(0);
        var payload = await Scalar<string>("SELECT payload::text FROM engine.outbox WHERE type = $1", typeof(DossierClosedUnsupplied).FullName!);
        var record = JsonSerializer.Deserialize<DossierClosedUnsupplied>(payload, JsonDefaults.Options)!;
        await using (var scope = Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<NotifyCitizen>(scope.ServiceProvider).HandleAsync(record, Guid.CreateVersion7(), CancellationToken.None);
        await Services.GetRequiredService<DeliveryDispatcher>().DeliverDueAsync(CancellationToken.None);
        return (await Sink.WaitForAsync(1)).Single();
    }

    [Test]
    public async Task Should_mail_the_closure_notice_with_the_legal_basis_and_a_new_submission_not_the_refusal()
    {
        var mail = await SweptAndMailedAsync();

        mail.To.Mailboxes.Single().Address.ShouldBe("huong@example.vn");
        mail.Subject.ShouldBe("Hồ sơ 000.01.31.H29-260303-0009 kết thúc do quá hạn bổ sung");
        var body = (mail.TextBody ?? "").ReplaceLineEndings("\n");
        body.ShouldContain("đến hết hạn bổ sung ngày 17/03/2026, Ủy ban nhân dân xã Tân Phú chưa nhận được giấy tờ bổ sung của Ông/Bà.");
        body.ShouldContain("Vì vậy, ngày 18/03/2026 hồ sơ bị từ chối giải quyết.");
        body.ShouldContain("Căn cứ: " + SupplementPolicy.BuiltIn.LegalBasis);
        body.ShouldContain("Ông/Bà có thể nộp lại hồ sơ");
        body.ShouldNotContain("Lý do:");
    }

    [Test]
    public async Task Should_say_the_dossier_was_closed_as_not_completed_where_the_procedure_says_so()
    {
        await using (var scope = Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<UpdateSupplementRulesHandler>().HandleAsync(Admin, new SetProcedureSupplementRules(_province.Procedure.Id,
                new SupplementRuleOverride(OnExpiry: SupplementExpiry.CloseNotCompleted, LegalBasis: "Quy định riêng của thủ tục (thử nghiệm)")))).Error.ShouldBeNull();

        var body = (await SweptAndMailedAsync()).TextBody ?? "";

        body.ShouldContain("hồ sơ được đóng do chưa hoàn thiện thành phần hồ sơ.");
        body.ShouldContain("Căn cứ: Quy định riêng của thủ tục (thử nghiệm)");
    }
}
