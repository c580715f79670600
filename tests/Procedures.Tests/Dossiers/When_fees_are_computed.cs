using Procedures.Catalogue;
using Procedures.Common;
using Procedures.Dossiers;

namespace Procedures.Tests.Dossiers;

public sealed class When_fees_are_computed
{
    private static readonly DateOnly Day = new(2026, 12, 9);
    private static readonly Fee CertifiedCopy = new() { Kind = FeeKind.PerPage, Amount = 2_000, FirstPages = 2, NextPageAmount = 1_000, MaxPerCopy = 200_000 };

    [TestCase(1, 1, 2_000)]
    [TestCase(2, 1, 4_000)]
    [TestCase(5, 2, 14_000)]
    [TestCase(198, 1, 200_000)]
    [TestCase(199, 1, 200_000)]
    [TestCase(1_000, 3, 600_000)]
    public void Should_charge_pages_in_two_tiers_capped_per_copy(int pages, int copies, int expected) =>
        DossierFees.Compute([CertifiedCopy], Day, copies, pages).Value.ShouldBe(expected);

    [Test]
    public void Should_add_fixed_per_copy_and_decided_fees_and_charge_nothing_for_free_ones() =>
        DossierFees.Compute([
            new Fee { Kind = FeeKind.Fixed, Amount = 100_000 }, new Fee { Kind = FeeKind.PerCopy, Amount = 8_000 },
            new Fee { Kind = FeeKind.Free }, new Fee { Kind = FeeKind.PerDecision }], Day, copies: 3, pages: null, byDecision: 50_000)
            .Value.ShouldBe(100_000 + 3 * 8_000 + 50_000);

    [Test]
    public void Should_count_one_copy_when_none_is_given() =>
        DossierFees.Compute([new Fee { Kind = FeeKind.PerCopy, Amount = 8_000 }], Day, null, null).Value.ShouldBe(8_000);

    [Test]
    public void Should_name_the_missing_pages_and_a_bad_number_of_copies()
    {
        DossierFees.Compute([CertifiedCopy], Day, 1, null).Error!.Field.ShouldBe("pages");
        DossierFees.Compute([CertifiedCopy], Day, 0, 3).Error!.Field.ShouldBe("copies");
        DossierFees.Compute([], Day, 1, null, -1).Error!.Kind.ShouldBe(ErrorKind.Invalid);
    }

    [Test]
    public void Should_charge_the_rate_in_force_on_the_day_of_submission()
    {
        Fee[] fees =
        [
            new() { Name = "Lệ phí", Kind = FeeKind.Fixed, Amount = 50_000, EffectiveTo = new DateOnly(2026, 12, 31) },
            new() { Name = "Lệ phí", Kind = FeeKind.Fixed, Amount = 60_000, EffectiveFrom = new DateOnly(2027, 1, 1) },
        ];
        DossierFees.Compute(fees, new DateOnly(2026, 12, 31), 1, null).Value.ShouldBe(50_000);
        DossierFees.Compute(fees, new DateOnly(2027, 1, 1), 1, null).Value.ShouldBe(60_000);
    }
}
