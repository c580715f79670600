using Api.Ui.Components.Pages.Admin;
using Bunit;

namespace Ui.Components.Tests;

/// <summary>
/// The sectors page's form checks the sector rules before sending: every problem at its field at once, and a clean form goes to
/// the use case. Nobody is signed in here, so whatever is sent comes back as "you do not administer this unit": that answer
/// shown proves the form was sent, its absence that it was not.
/// </summary>
public sealed class When_a_sector_is_filled_in
{
    [Test]
    public async Task Should_show_a_missing_code_and_name_at_once_at_their_fields_and_send_nothing()
    {
        await using var context = AdminForms.Context();
        var cut = context.Render<SectorForm>();

        cut.Find("[data-testid=sector-save]").Click();

        cut.WaitForAssertion(() => cut.Errors().Count.ShouldBe(2));
        cut.Markup.ShouldContain("Mã lĩnh vực gồm chữ không dấu, số, dấu chấm hoặc gạch (tối đa 50 ký tự).");
        cut.Markup.ShouldContain("Vui lòng nhập tên lĩnh vực.");
        cut.ShouldNotHaveBeenSent();
    }

    [Test]
    public async Task Should_refuse_a_code_with_spaces_or_diacritics_under_the_code()
    {
        await using var context = AdminForms.Context();
        var cut = context.Render<SectorForm>();

        cut.Field("sector-code-input").Change("Hộ tịch");
        cut.Field("sector-name-input").Change("Hộ tịch");
        cut.Find("[data-testid=sector-save]").Click();

        cut.WaitForAssertion(() => cut.Errors().Count.ShouldBe(1));
        cut.Markup.ShouldContain("Mã lĩnh vực gồm chữ không dấu");
        cut.ShouldNotHaveBeenSent();
    }

    [Test]
    public async Task Should_send_a_clean_form_to_the_use_case()
    {
        await using var context = AdminForms.Context();
        var cut = context.Render<SectorForm>();

        cut.Field("sector-code-input").Change("HOTICH-2");
        cut.Field("sector-name-input").Change("Hộ tịch (thử)");
        cut.Find("[data-testid=sector-save]").Click();

        cut.ShouldHaveBeenSent();
    }
}
