using Procedures.Common;
using Procedures.Documents;
using Procedures.Tests.Dossiers;

namespace Procedures.Tests.Documents;

public sealed class When_someone_outside_the_dossier_asks_for_its_forms : DocumentTest
{
    private static readonly Func<DossierDocuments, Guid, string, Task<DomainResult<GeneratedDocument>>>[] Forms =
    [
        (d, id, actor) => d.ReceiptAsync(id, actor), (d, id, actor) => d.SupplementRequestAsync(id, actor),
        (d, id, actor) => d.RefusalAsync(id, actor), (d, id, actor) => d.ApologyAsync(id, actor),
        (d, id, actor) => d.ProcessControlAsync(id, actor),
    ];

    [Test]
    public async Task Should_answer_not_found_to_an_official_of_another_unit_as_for_a_dossier_that_does_not_exist()
    {
        var id = (await ReceiveComplete()).DossierId;
        (await Assign(id)).Ok();

        foreach (var form in Forms)
        {
            (await Produce(d => form(d, id, TestOrg.ClerkB))).Fails(ErrorKind.NotFound);
            (await Produce(d => form(d, Guid.NewGuid(), TestOrg.ClerkA))).Fails(ErrorKind.NotFound);
            (await Produce(d => form(d, id, "nobody"))).Fails(ErrorKind.NotFound);
        }
    }

    [Test]
    public async Task Should_give_every_official_taking_part_the_forms_that_fit()
    {
        var receipt = await ReceiveComplete();
        var id = receipt.DossierId;
        (await Assign(id)).Ok();

        foreach (var official in new[] { TestOrg.ClerkA, TestOrg.HeadA, TestOrg.SpecialistA, TestOrg.LeaderA })
        {
            // Form 01 and Form 05 fit a received, assigned dossier: each is this dossier's, read back from the PDF.
            var form01 = Read(await Produce(d => d.ReceiptAsync(id, official)), $"visibility-01-{official}");
            form01.Text.ShouldContain(receipt.Code);
            form01.Text.ShouldContain(An);
            var form05 = Read(await Produce(d => d.ProcessControlAsync(id, official)), $"visibility-05-{official}");
            form05.Text.ShouldContain(receipt.Code);
            // Forms 02-04 do not fit it yet: no supplement was requested, it was not refused, no apology was issued.
            ShouldBeRefusedFor(await Produce(d => d.SupplementRequestAsync(id, official)), "no-supplement-request", "02");
            ShouldBeRefusedFor(await Produce(d => d.RefusalAsync(id, official)), "not-refused", "03");
            ShouldBeRefusedFor(await Produce(d => d.ApologyAsync(id, official)), "no-apology", "04");
        }
    }
}
