using Api.Ui;
using Api.Ui.Admin;
using Api.Ui.Components.Pages.Admin;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Ui.Components.Tests;

/// <summary>
/// The sectors page's form checks the sector rules before sending: every problem at its field at once, and a clean form goes to
/// the use case. Nobody is signed in here, so whatever is sent comes back as "you do not administer this unit": that answer
/// shown proves the form was sent, its absence that it was not.
/// </summary>
public sealed class When_a_sector_is_filled_in
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

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<SectorForm> cut, string testId) =>
        cut.Find($"[data-testid={testId}]") is { TagName: "INPUT" } input ? input : cut.Find($"[data-testid={testId}] input");

    [Test]
    public async Task Should_show_a_missing_code_and_name_at_once_at_their_fields_and_send_nothing()
    {
        await using var context = Context();
        var cut = context.Render<SectorForm>();

        cut.Find("[data-testid=sector-save]").Click();

        cut.WaitForAssertion(() => cut.FindAll(".mud-input-helper-text.mud-input-error").Count.ShouldBe(2));
        cut.Markup.ShouldContain("Mã lĩnh vực gồm chữ không dấu, số, dấu chấm hoặc gạch (tối đa 50 ký tự).");
        cut.Markup.ShouldContain("Vui lòng nhập tên lĩnh vực.");
        cut.Markup.ShouldNotContain(NotSent);
    }

    [Test]
    public async Task Should_refuse_a_code_with_spaces_or_diacritics_under_the_code()
    {
        await using var context = Context();
        var cut = context.Render<SectorForm>();

        Field(cut, "sector-code-input").Change("Hộ tịch");
        Field(cut, "sector-name-input").Change("Hộ tịch");
        cut.Find("[data-testid=sector-save]").Click();

        cut.WaitForAssertion(() => cut.FindAll(".mud-input-helper-text.mud-input-error").Count.ShouldBe(1));
        cut.Markup.ShouldContain("Mã lĩnh vực gồm chữ không dấu");
        cut.Markup.ShouldNotContain(NotSent);
    }

    [Test]
    public async Task Should_send_a_clean_form_to_the_use_case()
    {
        await using var context = Context();
        var cut = context.Render<SectorForm>();

        Field(cut, "sector-code-input").Change("HOTICH-2");
        Field(cut, "sector-name-input").Change("Hộ tịch (thử)");
        cut.Find("[data-testid=sector-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error]").TextContent.ShouldContain(NotSent));
        cut.FindAll(".mud-input-helper-text.mud-input-error").ShouldBeEmpty();
    }
}
