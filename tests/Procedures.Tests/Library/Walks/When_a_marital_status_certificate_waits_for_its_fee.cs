using Procedures.Common;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;
using static Procedures.Samples.SampleProvince;

namespace Procedures.Tests.Library.Walks;

/// <summary>
/// The marital-status certificate: the fee is paid online before the result is handed over. The product records no online
/// payment yet, so the clerk confirms the portal's transaction reference at <c>await-payment</c> (workflows/README.md).
/// </summary>
public sealed class When_a_marital_status_certificate_waits_for_its_fee : WalkTest
{
    private const string AwaitPayment = "await-payment";

    [Test]
    public async Task Should_owe_the_fee_after_the_signature_and_return_the_result_only_once_the_payment_is_confirmed()
    {
        var walk = await ReceiveAsync("marital-status-certificate", YenSonShop, "ys.clerk", next: [DossierSteps.Process]);
        await walk.Submit("ys.specialist1", Fields(("maritalStatus", "Chưa đăng ký kết hôn với ai")), [DossierSteps.Sign]);

        await walk.Sign("ys.leader", DossierStatus.FinancialObligation, AwaitPayment);
        var unpaid = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "ys.clerk", AwaitPayment, "confirm-payment")));
        var returnedEarly = await walk.Try<ReturnResultHandler>(h => h.HandleAsync(new ReturnResult(walk.Id, "ys.clerk", Procedures.Catalogue.Channel.Online, null)));

        unpaid.Fails(ErrorKind.Invalid);
        returnedEarly.Error.ShouldNotBeNull();
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.FinancialObligation);

        await walk.Complete("ys.clerk", AwaitPayment, "confirm-payment", Fields(("paymentReference", "DVCQG-2026-000123")), [DossierSteps.ReturnResult],
            DossierStatus.Finished);
        await walk.Return("ys.clerk");

        await ShouldBeReturnedAndArchived(walk);
    }

    [Test]
    public async Task Should_not_let_an_official_of_the_processing_office_confirm_the_payment()
    {
        var walk = await ReceiveAsync("marital-status-certificate", HamYenShop, "hy.clerk", next: [DossierSteps.Process]);
        await walk.Submit("hy.specialist2", Fields(("maritalStatus", "Đã ly hôn, chưa kết hôn lại")), [DossierSteps.Sign]);
        await walk.Sign("hy.deputy", DossierStatus.FinancialObligation, AwaitPayment);

        var bySpecialist = await walk.Try<CompleteStepHandler>(h => h.HandleAsync(new CompleteStep(walk.Id, "hy.specialist2", AwaitPayment, "confirm-payment",
            Fields: new Dictionary<string, string> { ["paymentReference"] = "DVCQG-2026-000124" })));

        bySpecialist.Fails(ErrorKind.Forbidden);
        (await Load(walk.Id)).Status.ShouldBe(DossierStatus.FinancialObligation);
    }
}
