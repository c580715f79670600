using Api.Ui;
using Api.Ui.Admin;
using Api.Ui.Components.Pages.Admin;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Procedures.Organisation;

namespace Ui.Components.Tests;

/// <summary>
/// The form adding a unit under another checks the unit rules before sending: every problem at its field at once. Nobody is
/// signed in, so what is sent comes back as "you do not administer this unit": that answer shown proves the form was sent.
/// </summary>
public sealed class When_a_child_unit_is_filled_in
{
    private const string NotSent = "Bạn không có quyền quản trị đơn vị này.";
    private static readonly UnitView Province = new(Guid.NewGuid(), "000.00.00.H29", "UBND tỉnh", null, "province", null, "/p/", null, null, null, null, new(2026, 1, 1), null);

    private static IRenderedComponent<UnitChildForm> Render(BunitContext context) =>
        context.Render<UnitChildForm>(p => p.Add(x => x.Parent, Province).Add(x => x.Types, [new UnitTypeView("department", "Sở, ngành", null, 2)]));

    private static BunitContext Context()
    {
        var context = Components.NewContext();
        context.AddAuthorization();
        context.Services.AddScoped<UiSession>();
        context.Services.AddScoped<AdminDesk>();
        return context;
    }

    private static AngleSharp.Dom.IElement Field(IRenderedComponent<UnitChildForm> cut, string testId) =>
        cut.Find($"[data-testid={testId}]") is { TagName: "INPUT" } input ? input : cut.Find($"[data-testid={testId}] input");

    private static IReadOnlyList<string> Errors(IRenderedComponent<UnitChildForm> cut) =>
        [.. cut.FindAll(".mud-input-helper-text.mud-input-error").Select(e => e.TextContent.Trim())];

    [Test]
    public async Task Should_show_a_bad_code_a_missing_name_and_type_and_a_bad_phone_and_email_at_once_and_send_nothing()
    {
        await using var context = Context();
        var cut = Render(context);

        Field(cut, "child-code").Change("SO-TU-PHAP");
        Field(cut, "child-phone").Change("12345");
        Field(cut, "child-email").Change("khong-phai-thu");
        cut.Find("[data-testid=child-create]").Click();

        cut.WaitForAssertion(() => Errors(cut).Count.ShouldBe(5));
        Errors(cut).ShouldContain("Mã đơn vị phải theo định dạng mã định danh, ví dụ 000.00.07.H29.");
        Errors(cut).ShouldContain("Vui lòng nhập tên đơn vị.");
        Errors(cut).ShouldContain("Vui lòng chọn loại đơn vị.");
        Errors(cut).ShouldContain("Số điện thoại không hợp lệ.");
        Errors(cut).ShouldContain("Địa chỉ thư điện tử không hợp lệ.");
        cut.Markup.ShouldNotContain(NotSent);
    }

    [Test]
    public async Task Should_send_a_clean_form_to_the_use_case()
    {
        await using var context = Context();
        var cut = Render(context);

        Field(cut, "child-code").Change("000.00.07.H29");
        Field(cut, "child-name").Change("Sở Tư pháp");
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("department"));
        cut.Find("[data-testid=child-create]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=error]").TextContent.ShouldContain(NotSent));
        Errors(cut).ShouldBeEmpty();
    }
}
