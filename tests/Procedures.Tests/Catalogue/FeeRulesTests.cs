using Procedures.Catalogue;

namespace Procedures.Tests.Catalogue;

public sealed class When_fee_periods_and_exemptions_are_checked
{
    private static readonly FeeExemption WarVeterans = new("Người có công với cách mạng", 100, "Điều 5 Thông tư 85/2019/TT-BTC");

    private static Fee Fixed(decimal amount, DateOnly? from = null, DateOnly? to = null, params FeeExemption[] exemptions) =>
        new() { Name = "Lệ phí", Kind = FeeKind.Fixed, Amount = amount, EffectiveFrom = from, EffectiveTo = to, Exemptions = exemptions };

    private static IEnumerable<string?> Fields(params Fee[] fees) => FeeRules.Check(fees).Select(e => e.Field);

    [Test]
    public void Should_accept_consecutive_periods_of_one_fee_and_an_exemption_with_its_basis() =>
        FeeRules.Check([Fixed(50_000, to: new(2026, 12, 31)), Fixed(60_000, from: new(2027, 1, 1), exemptions: WarVeterans)]).ShouldBeEmpty();

    [Test]
    public void Should_name_an_end_before_the_start() =>
        Fields(Fixed(50_000, new(2027, 1, 1), new(2026, 1, 1))).ShouldBe(["fees[0].effectiveTo"]);

    [Test]
    public void Should_name_the_later_of_two_overlapping_periods_of_one_fee() =>
        Fields(Fixed(50_000, to: new(2027, 1, 1)), Fixed(60_000, from: new(2027, 1, 1))).ShouldBe(["fees[1].effectiveFrom"]);

    [Test]
    public void Should_let_a_free_period_follow_a_charged_one_but_not_overlap_it()
    {
        var free = new Fee { Name = "Miễn phí", Kind = FeeKind.Free, EffectiveFrom = new(2027, 1, 1) };
        FeeRules.Check([Fixed(50_000, to: new(2026, 12, 31)), free]).ShouldBeEmpty();
        Fields(Fixed(50_000), free).ShouldBe(["fees"]);
    }

    [Test]
    public void Should_report_every_problem_at_once_each_at_its_field()
    {
        var bad = new Fee
        {
            Name = "", Kind = FeeKind.PerPage, Amount = -1, NextPageAmount = -2, FirstPages = -1, MaxPerCopy = -3,
            Exemptions = [new FeeExemption(" ", 0, ""), WarVeterans, WarVeterans with { ReductionPercent = 50 }],
        };
        Fields(bad).ShouldBe([
            "fees[0].name", "fees[0].amount", "fees[0].nextPageAmount", "fees[0].firstPages", "fees[0].maxPerCopy",
            "fees[0].exemptions[0].applicantCategory", "fees[0].exemptions[0].reductionPercent", "fees[0].exemptions[0].legalBasis",
            "fees[0].exemptions[2].applicantCategory",
        ]);
        FeeRules.Check([bad]).ShouldAllBe(e => e.MessageVi.Length > 0 && e.MessageEn.Length > 0);
    }

    [Test]
    public void Should_refuse_a_reduction_above_one_hundred_percent() =>
        Fields(Fixed(50_000, exemptions: WarVeterans with { ReductionPercent = 120 })).ShouldBe(["fees[0].exemptions[0].reductionPercent"]);
}

public sealed class When_a_fee_is_quoted_on_a_day_for_an_applicant
{
    private static readonly Fee[] Fees =
    [
        new() { Name = "Lệ phí", Kind = FeeKind.PerCopy, Amount = 10_000, EffectiveTo = new(2026, 12, 31) },
        new()
        {
            Name = "Lệ phí", Kind = FeeKind.PerCopy, Amount = 12_000, EffectiveFrom = new(2027, 1, 1),
            Exemptions = [new("Hộ nghèo", 50, "Nghị quyết 12/2026/NQ-HĐND"), new("Người có công với cách mạng", 100, "Thông tư 85/2019/TT-BTC")],
        },
    ];

    [Test]
    public void Should_take_only_the_rules_in_force_that_day()
    {
        FeeCalculator.InForce(Fees, new(2026, 12, 31)).Single().Amount.ShouldBe(10_000);
        FeeCalculator.InForce(Fees, new(2027, 1, 1)).Single().Amount.ShouldBe(12_000);
    }

    [TestCase(null, 24_000)]
    [TestCase("hộ nghèo", 12_000)]
    [TestCase("Người có công với cách mạng", 0)]
    [TestCase("Sinh viên", 24_000)]
    public void Should_reduce_the_amount_for_an_exempted_category(string? category, int total) =>
        FeeCalculator.Calculate(FeeCalculator.InForce(Fees, new(2027, 3, 1)), copies: 2, applicantCategory: category).Value!.Total.ShouldBe(total);
}
