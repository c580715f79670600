using Api.Ui.Components.Shared;
using Bunit;
using Procedures.Catalogue;
using Procedures.Common;

namespace Ui.Components.Tests;

/// <summary>The supplement rules form of the admin pages: what it sends, what it refuses before sending, and where an error shows.</summary>
public sealed class When_the_supplement_rules_are_edited
{
    private readonly List<SupplementRuleOverride> _sent = [];
    private DomainError? _answer;

    [SetUp]
    public void NothingSentYet()
    {
        _sent.Clear();
        _answer = null;
    }

    private IRenderedComponent<SupplementRulesForm> Render(BunitContext context, bool defaults, SupplementRuleOverride value, SupplementPolicy? effective = null) =>
        context.Render<SupplementRulesForm>(p => p
            .Add(x => x.Title, "Quy định")
            .Add(x => x.Defaults, defaults)
            .Add(x => x.Value, value)
            .Add(x => x.Effective, effective)
            .Add(x => x.OnSave, v => { _sent.Add(v); return Task.FromResult(_answer); }));

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<SupplementRulesForm> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input:not([type=hidden]), textarea")!;
    }

    private static SupplementRuleOverride Province() => new(1, 3, 10, SupplementExpiry.Refuse, "Nghị định 61/2018/NĐ-CP");

    [Test]
    public async Task Should_send_the_changed_defaults()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, defaults: true, Province());

        Field(cut, "supplement-citizen").Change("15");
        Field(cut, "supplement-max").Change("2");
        cut.Find("[data-testid=supplement-save]").Click();

        _sent.Single().ShouldBe(new SupplementRuleOverride(2, 3, 15, SupplementExpiry.Refuse, "Nghị định 61/2018/NĐ-CP"));
    }

    [Test]
    public async Task Should_not_send_defaults_without_their_legal_basis_and_say_so_at_the_field()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, defaults: true, Province());

        Field(cut, "supplement-basis").Change("  ");
        cut.Find("[data-testid=supplement-save]").Click();

        _sent.ShouldBeEmpty();
        cut.Markup.ShouldContain("Cần nhập giá trị này.");
    }

    [Test]
    public async Task Should_show_the_use_case_error_next_to_the_field_it_names()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, defaults: true, Province());
        _answer = DomainError.Invalid("citizenDays", "out-of-range", "Thời hạn công dân bổ sung từ 1 đến 90 ngày làm việc.", "out of range");

        Field(cut, "supplement-citizen").Change("45");
        cut.Find("[data-testid=supplement-save]").Click();

        _sent.Single().CitizenDays.ShouldBe(45);
        cut.Markup.ShouldContain("Thời hạn công dân bổ sung từ 1 đến 90 ngày làm việc.");
    }

    [Test]
    public async Task Should_send_empty_values_of_a_procedure_as_the_province_default_and_show_what_applies()
    {
        await using var context = Components.NewContext();
        var cut = Render(context, defaults: false, new SupplementRuleOverride(WindowDays: 7, LegalBasis: "Nghị định 175/2024/NĐ-CP"),
            SupplementPolicy.BuiltIn with { WindowDays = 7 });

        cut.Find("[data-testid=supplement-effective]").TextContent.ShouldContain("yêu cầu trong 7 ngày làm việc");
        Field(cut, "supplement-window").Change("");
        Field(cut, "supplement-basis").Change("");
        cut.Find("[data-testid=supplement-save]").Click();

        _sent.Single().IsEmpty.ShouldBeTrue();
    }
}
