using Engine.Queries;
using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

/// <summary>
/// A claim from the inbox takes the step only if the dossier is as the inbox showed it and the official holds the step's role in its
/// unit; otherwise nothing changes.
/// </summary>
public sealed class When_an_official_claims_a_step_from_the_inbox : DossierTest
{
    private async Task<WorkItemView> AssignStep(Guid dossierId) =>
        (await Run<DossierQueries, DomainResult<DossierDetails>>(q => q.GetAsync(dossierId, TestOrg.HeadA))).Ok().OpenWorkItems.Single(w => w.StepId == "assign");

    private Task<DomainError?> Claim(Guid dossierId, WorkItemView item, string actor, int shownRevision) =>
        Run<ClaimStepHandler, DomainError?>(h => h.HandleAsync(new ClaimStep(dossierId, item.Id, item.Role,
            item.UnitId is { } unit ? Guid.Parse(unit) : null, actor, shownRevision)));

    [Test]
    public async Task Should_give_the_step_to_the_official_when_the_dossier_is_as_shown()
    {
        var receipt = await ReceiveComplete();
        var item = await AssignStep(receipt.DossierId);
        item.ClaimedBy.ShouldBeNull();

        (await Claim(receipt.DossierId, item, TestOrg.HeadA, receipt.Revision)).ShouldBeNull();

        (await AssignStep(receipt.DossierId)).ClaimedBy.ShouldBe(TestOrg.HeadA);
    }

    [Test]
    public async Task Should_claim_nothing_when_the_dossier_changed_since_shown()
    {
        var receipt = await ReceiveComplete();
        var item = await AssignStep(receipt.DossierId);
        var before = await Snapshot();

        var error = await Claim(receipt.DossierId, item, TestOrg.HeadA, receipt.Revision - 1);

        error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Stale);
        error.CurrentRevision.ShouldBe(receipt.Revision);
        (await Snapshot()).ShouldBe(before);
    }

    [Test]
    public async Task Should_refuse_an_official_without_the_steps_role()
    {
        var receipt = await ReceiveComplete();
        var item = await AssignStep(receipt.DossierId);
        var before = await Snapshot();

        (await Claim(receipt.DossierId, item, TestOrg.SpecialistA, receipt.Revision)).ShouldBe(ClaimStepHandler.NotTheirRole);

        (await Snapshot()).ShouldBe(before);
    }
}
