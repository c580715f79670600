using Api.Ui.Components.Pages.Admin;
using Bunit;
using Procedures.Organisation;

namespace Ui.Components.Tests;

/// <summary>
/// The form adding a unit under another checks the unit rules before sending: every problem at its field at once. Nobody is
/// signed in, so what is sent comes back as "you do not administer this unit": that answer shown proves the form was sent.
/// </summary>
public sealed class When_a_child_unit_is_filled_in
{
    private static readonly UnitView Province = new(Guid.NewGuid(), "000.00.00.H29", "UBND tỉnh", null, "province", null, "/p/", null, null, null, null, new(2026, 1, 1), null);

    private static IRenderedComponent<UnitChildForm> Render(BunitContext context) =>
        context.Render<UnitChildForm>(p => p.Add(x => x.Parent, Province).Add(x => x.Types, [new UnitTypeView("department", "Sở, ngành", null, 2)]));

    [Test]
    public async Task Should_show_a_bad_code_a_missing_name_and_type_and_a_bad_phone_and_email_at_once_and_send_nothing()
    {
        await using var context = AdminForms.Context();
        var cut = Render(context);

        cut.Field("child-code").Change("SO-TU-PHAP");
        cut.Field("child-phone").Change("12345");
        cut.Field("child-email").Change("khong-phai-thu");
        cut.Find("[data-testid=child-create]").Click();

        cut.WaitForAssertion(() => cut.Errors().Count.ShouldBe(5));
        cut.Errors().ShouldContain("Mã đơn vị phải theo định dạng mã định danh, ví dụ 000.00.07.H29.");
        cut.Errors().ShouldContain("Vui lòng nhập tên đơn vị.");
        cut.Errors().ShouldContain("Vui lòng chọn loại đơn vị.");
        cut.Errors().ShouldContain("Số điện thoại không hợp lệ.");
        cut.Errors().ShouldContain("Địa chỉ thư điện tử không hợp lệ.");
        cut.ShouldNotHaveBeenSent();
    }

    [Test]
    public async Task Should_send_a_clean_form_to_the_use_case()
    {
        await using var context = AdminForms.Context();
        var cut = Render(context);

        cut.Field("child-code").Change("000.00.07.H29");
        cut.Field("child-name").Change("Sở Tư pháp");
        await cut.InvokeAsync(() => cut.FindComponent<MudBlazor.MudSelect<string>>().Instance.ValueChanged.InvokeAsync("department"));
        cut.Find("[data-testid=child-create]").Click();

        cut.ShouldHaveBeenSent();
    }
}
