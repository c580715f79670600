using Api.Ui.Components.Pages.Admin;
using Bunit;
using Procedures.Catalogue;

namespace Ui.Components.Tests;

/// <summary>
/// A procedure's fee form checks the fee rules before sending: periods ordered and not overlapping, amounts not negative,
/// exemptions with their legal basis, every problem at its field at once. Nobody is signed in, so what is sent comes back as
/// "you do not administer this unit": that answer shown proves the form was sent, its absence that it was not.
/// </summary>
public sealed class When_fees_are_filled_in
{
    private static ProcedureDetail Detail(params Fee[] fees) =>
        AdminForms.Procedure([new DocumentView(Guid.NewGuid(), 1, "Tờ khai", 1, DocumentForm.Original, false, null)], fees);

    private static Fee Fixed(decimal amount, DateOnly? from = null, DateOnly? to = null) =>
        new() { Name = "Lệ phí", Kind = FeeKind.Fixed, Amount = amount, EffectiveFrom = from, EffectiveTo = to };

    [Test]
    public async Task Should_show_an_overlapping_period_a_negative_amount_and_a_missing_basis_at_once_and_send_nothing()
    {
        await using var context = AdminForms.Context();
        var cut = context.Render<ProcedureFeesEditor>(p => p.Add(x => x.Detail, Detail(Fixed(50_000, to: new(2027, 6, 30)), Fixed(60_000, from: new(2027, 1, 1)))));

        cut.Field("fee-amount", 0).Change("-5");
        cut.Find("[data-testid=exemption-add]").Click();
        cut.Field("exemption-category").Change("Hộ nghèo");
        cut.Find("[data-testid=fees-save]").Click();

        cut.WaitForAssertion(() => cut.Errors().Count.ShouldBe(3));
        cut.Errors().ShouldContain("Số tiền không được âm.");
        cut.Errors().ShouldContain("Thời gian hiệu lực trùng với khoản phí thứ 1 cùng tên.");
        cut.Errors().ShouldContain(e => e.Contains("căn cứ miễn, giảm"));
        cut.ShouldNotHaveBeenSent();
    }

    [Test]
    public async Task Should_refuse_an_end_before_the_start_under_the_end_date()
    {
        await using var context = AdminForms.Context();
        var cut = context.Render<ProcedureFeesEditor>(p => p.Add(x => x.Detail, Detail(Fixed(50_000))));

        cut.Field("fee-from").Change("2027-03-01");
        cut.Field("fee-to").Change("2027-02-01");
        cut.Find("[data-testid=fees-save]").Click();

        cut.WaitForAssertion(() => cut.Errors().ShouldBe(["Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi."]));
        cut.ShouldNotHaveBeenSent();
    }

    [Test]
    public async Task Should_send_consecutive_periods_with_an_exemption_to_the_use_case()
    {
        await using var context = AdminForms.Context();
        var cut = context.Render<ProcedureFeesEditor>(p => p.Add(x => x.Detail, Detail(Fixed(50_000, to: new(2026, 12, 31)), Fixed(60_000, from: new(2027, 1, 1)))));

        cut.FindAll("[data-testid=exemption-add]")[1].Click();
        cut.Field("exemption-category").Change("Người có công với cách mạng");
        cut.Field("exemption-basis").Change("Thông tư 85/2019/TT-BTC");
        cut.Find("[data-testid=fees-save]").Click();

        cut.ShouldHaveBeenSent();
    }
}
