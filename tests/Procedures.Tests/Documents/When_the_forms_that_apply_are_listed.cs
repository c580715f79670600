using Procedures.Common;
using Procedures.Documents;
using Procedures.Dossiers;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

/// <summary>
/// The dossier page lists only the forms that apply (Forms 02–04 when a supplement was asked, the dossier refused, an
/// apology issued): the list agrees with what producing each form answers, so no listed form opens an error.
/// </summary>
public sealed class When_the_forms_that_apply_are_listed : DocumentTest
{
    private static readonly (string Code, Func<DossierDocuments, Guid, Task<DomainResult<GeneratedDocument>>> Produce)[] Forms =
    [
        ("01", (d, id) => d.ReceiptAsync(id, TestOrg.LeaderA)), ("02", (d, id) => d.SupplementRequestAsync(id, TestOrg.LeaderA)),
        ("03", (d, id) => d.RefusalAsync(id, TestOrg.LeaderA)), ("04", (d, id) => d.ApologyAsync(id, TestOrg.LeaderA)),
        ("05", (d, id) => d.ProcessControlAsync(id, TestOrg.LeaderA)),
    ];

    private async Task<IReadOnlyList<string>> ListedAndProducibleAsync(Guid id)
    {
        var details = (await Run<DossierQueries, DomainResult<DossierDetails>>(q => q.GetAsync(id, TestOrg.LeaderA))).Ok();
        var listed = DossierDocuments.ApplicableForms(details);
        var producible = new List<string>();
        foreach (var (code, produce) in Forms)
            if ((await Produce(d => produce(d, id))).Error is null) producible.Add(code);
        listed.ShouldBe(producible, "the listed forms are exactly those that can be produced");
        return listed;
    }

    [Test]
    public async Task Should_list_only_the_receipt_and_the_control_sheet_for_a_dossier_in_processing()
    {
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();

        (await ListedAndProducibleAsync(receipt.DossierId)).ShouldBe(["01", "05"]);
    }

    [Test]
    public async Task Should_add_form_02_once_a_supplement_was_requested()
    {
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();
        (await RequestSupplement(receipt.DossierId)).Ok();

        (await ListedAndProducibleAsync(receipt.DossierId)).ShouldContain("02");
    }

    [Test]
    public async Task Should_add_form_03_for_a_refused_dossier()
    {
        var receipt = await ReceiveComplete();
        (await Assign(receipt.DossierId)).Ok();
        (await Refuse(receipt.DossierId, TestOrg.SpecialistA)).Ok();

        (await ListedAndProducibleAsync(receipt.DossierId)).ShouldContain("03");
    }

    [Test]
    public async Task Should_add_form_04_after_an_apology()
    {
        Clock.Set(Vn(2026, 3, 3, 9));
        var receipt = await ReceiveComplete();
        Clock.Set(Vn(2026, 3, 3, 9, 30));
        (await Assign(receipt.DossierId)).Ok();
        Clock.Set(Vn(2026, 3, 9, 9));
        (await Apologise(receipt.DossierId, new DateOnly(2026, 3, 13))).Ok();

        (await ListedAndProducibleAsync(receipt.DossierId)).ShouldBe(["01", "04", "05"]);
    }
}
