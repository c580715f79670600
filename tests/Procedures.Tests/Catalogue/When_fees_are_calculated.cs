using Procedures.Catalogue;
using Procedures.Common;

namespace Procedures.Tests.Catalogue;

public sealed class When_fees_are_calculated
{
    [TestCase(1, 1, 2_000)]
    [TestCase(2, 1, 4_000)]
    [TestCase(3, 1, 5_000)]
    [TestCase(10, 1, 12_000)]
    [TestCase(5, 2, 14_000)]
    [TestCase(198, 1, 200_000)]
    [TestCase(500, 1, 200_000)]
    [TestCase(500, 2, 400_000)]
    public void Should_charge_certified_copies_by_page_with_a_cap_per_copy(int pages, int copies, int total)
    {
        var quote = FeeCalculator.Calculate([CatalogueData.CertifiedCopyFee], pages, copies).Value!;

        quote.Total.ShouldBe(total);
        quote.HasAmountsPerDecision.ShouldBeFalse();
    }

    [TestCase(1, 8_000)]
    [TestCase(3, 24_000)]
    public void Should_charge_extract_copies_per_copy(int copies, int total) =>
        FeeCalculator.Calculate([CatalogueData.ExtractCopyFee], copies: copies).Value!.Total.ShouldBe(total);

    [Test]
    public void Should_charge_nothing_when_free_and_a_fixed_fee_once_per_dossier()
    {
        FeeCalculator.Calculate([CatalogueData.Free]).Value!.Total.ShouldBe(0);
        FeeCalculator.Calculate([new Fee { Name = "Phí", Kind = FeeKind.Fixed, Amount = 200_000 }], copies: 3).Value!.Total.ShouldBe(200_000);
    }

    [Test]
    public void Should_count_a_fee_per_decision_as_zero_and_say_so_with_its_note()
    {
        var quote = FeeCalculator.Calculate([
            new Fee { Name = "Lệ phí", Kind = FeeKind.PerDecision, Note = "Theo nghị quyết của HĐND tỉnh" },
            new Fee { Name = "Phí", Kind = FeeKind.Fixed, Amount = 10_000 }]).Value!;

        quote.Total.ShouldBe(10_000);
        quote.HasAmountsPerDecision.ShouldBeTrue();
        quote.Lines[0].ShouldBe(new FeeLine("Lệ phí", FeeKind.PerDecision, 0, "Theo nghị quyết của HĐND tỉnh"));
    }

    [Test]
    public void Should_refuse_no_copies_or_no_pages_for_a_per_page_fee()
    {
        FeeCalculator.Calculate([CatalogueData.ExtractCopyFee], copies: 0).Error!.Field.ShouldBe("copies");
        FeeCalculator.Calculate([CatalogueData.CertifiedCopyFee], pages: 0).Error!.ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("pages"), e => e.Kind.ShouldBe(ErrorKind.Invalid));
    }
}
