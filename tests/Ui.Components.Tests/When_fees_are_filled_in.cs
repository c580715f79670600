using Api.Ui;
using Api.Ui.Admin;
using Api.Ui.Components.Pages.Admin;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Calendar;
using Procedures.Catalogue;

namespace Ui.Components.Tests;

/// <summary>
/// A procedure's fee form checks the fee rules before sending: periods ordered and not overlapping, amounts not negative,
/// exemptions with their legal basis, every problem at its field at once. Nobody is signed in, so what is sent comes back as
/// "you do not administer this unit": that answer shown proves the form was sent, its absence that it was not.
/// </summary>
public sealed class When_fees_are_filled_in
{
    private const string NotSent = "Bạn không có quyền quản trị đơn vị này.";

    private static BunitContext Context()
    {
        var context = Components.NewContext();
        context.AddAuthorization();
        context.Services.AddScoped<UiSession>();
        context.Services.AddScoped<AdminDesk>();
        return context;
    }

    private static ProcedureDetail Detail(params Fee[] fees) => new(
        Guid.NewGuid(), "1.000001", "Thủ tục thử", null, "commune", Guid.NewGuid(), "Hộ tịch", null, null,
        new LegalTimeLimit(LegalTimeLimitKind.WorkingDays, 3), [Channel.Counter], [new DocumentView(Guid.NewGuid(), 1, "Tờ khai", 1, DocumentForm.Original, false, null)],
        fees, [], 10, true, []);

    private static Fee Fixed(decimal amount, DateOnly? from = null, DateOnly? to = null) =>
        new() { Name = "Lệ phí", Kind = FeeKind.Fixed, Amount = amount, EffectiveFrom = from, EffectiveTo = to };

    private static AngleSharp.Dom.IElement Input(AngleSharp.Dom.IElement element) =>
        element.TagName is "INPUT" ? element : element.QuerySelector("input:not([type=hidden])")!;

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<ProcedureFeesEditor> cut, string testId, int row = 0) =>
        Input(cut.FindAll($"[data-testid={testId}]")[row]);

    private static IReadOnlyList<string> Errors(IRenderedComponent<ProcedureFeesEditor> cut) =>
        [.. cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())];

    [Test]
    public async Task Should_show_an_overlapping_period_a_negative_amount_and_a_missing_basis_at_once_and_send_nothing()
    {
        await using var context = Context();
        var cut = context.Render<ProcedureFeesEditor>(p => p.Add(x => x.Detail, Detail(Fixed(50_000, to: new(2027, 6, 30)), Fixed(60_000, from: new(2027, 1, 1)))));

        Field(cut, "fee-amount", 0).Change("-5");
        cut.Find("[data-testid=exemption-add]").Click();
        Field(cut, "exemption-category").Change("Hộ nghèo");
        cut.Find("[data-testid=fees-save]").Click();

        cut.WaitForAssertion(() => Errors(cut).Count.ShouldBe(3));
        Errors(cut).ShouldContain("Số tiền không được âm.");
        Errors(cut).ShouldContain("Thời gian hiệu lực trùng với khoản phí thứ 1 cùng tên.");
        Errors(cut).ShouldContain(e => e.Contains("căn cứ miễn, giảm"));
        cut.Markup.ShouldNotContain(NotSent);
    }

    [Test]
    public async Task Should_refuse_an_end_before_the_start_under_the_end_date()
    {
        await using var context = Context();
        var cut = context.Render<ProcedureFeesEditor>(p => p.Add(x => x.Detail, Detail(Fixed(50_000))));

        Field(cut, "fee-from").Change("2027-03-01");
        Field(cut, "fee-to").Change("2027-02-01");
        cut.Find("[data-testid=fees-save]").Click();

        cut.WaitForAssertion(() => Errors(cut).ShouldBe(["Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi."]));
        cut.Markup.ShouldNotContain(NotSent);
    }

    [Test]
    public async Task Should_send_consecutive_periods_with_an_exemption_to_the_use_case()
    {
        await using var context = Context();
        var cut = context.Render<ProcedureFeesEditor>(p => p.Add(x => x.Detail, Detail(Fixed(50_000, to: new(2026, 12, 31)), Fixed(60_000, from: new(2027, 1, 1)))));

        cut.FindAll("[data-testid=exemption-add]")[1].Click();
        Field(cut, "exemption-category").Change("Người có công với cách mạng");
        Field(cut, "exemption-basis").Change("Thông tư 85/2019/TT-BTC");
        cut.Find("[data-testid=fees-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error]").TextContent.ShouldContain(NotSent));
        Errors(cut).ShouldBeEmpty();
    }
}
